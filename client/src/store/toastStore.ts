import { create } from 'zustand';

/** One message in the live region: a result, a refusal, a reveal. */
export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'error';
}

interface ToastState {
  readonly toasts: readonly Toast[];
}

/** How long a message stays on screen, in milliseconds (long enough to read twice). */
export const TOAST_DURATION_MS = 7000;

/** At most this many messages show at once; older ones give way. */
const MAX_TOASTS = 2;

export const useToastStore = create<ToastState>(() => ({ toasts: [] }));

let nextId = 1;

export function dismissToast(id: number): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

/** Shows a message and has screen readers say it (politely, after what they are reading). */
export function announce(text: string, tone: Toast['tone'] = 'info'): void {
  const id = nextId++;
  useToastStore.setState((s) => {
    // The same sentence twice in a row (a double click) is said once.
    if (s.toasts.at(-1)?.text === text) return s;
    return { toasts: [...s.toasts, { id, text, tone }].slice(-MAX_TOASTS) };
  });
  setTimeout(() => dismissToast(id), tone === 'error' ? TOAST_DURATION_MS * 1.5 : TOAST_DURATION_MS);
}
