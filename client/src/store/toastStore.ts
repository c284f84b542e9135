import { create } from 'zustand';

/** One message: a result, a refusal, a reveal. */
export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'error';
}

interface ToastState {
  /** What screen readers are told: every message, in order. */
  readonly spoken: readonly Toast[];
  /** What is shown on screen: a grouped, rate-limited subset of `spoken`. */
  readonly toasts: readonly Toast[];
}

/** How long a message stays on screen, in milliseconds (long enough to read twice). */
export const TOAST_DURATION_MS = 7000;

/** Errors stay longer: they ask the person to do something. */
export const ERROR_TOAST_DURATION_MS = TOAST_DURATION_MS * 1.5;

/**
 * A message shown within this many milliseconds of the last one replaces it instead of stacking:
 * a burst (a reveal, a phase change and a timer at once) is one toast that ends on the latest news.
 */
export const TOAST_GROUP_MS = 2000;

/** At most this many messages are kept on screen (board pages show the latest in their header, phones one; styles.css); older ones give way. */
export const MAX_TOASTS = 2;

/** How many recent messages the screen readers' live region keeps. */
const MAX_SPOKEN = 3;

export const useToastStore = create<ToastState>(() => ({ spoken: [], toasts: [] }));

let nextId = 1;
let lastShownAt = Number.NEGATIVE_INFINITY;

export function dismissToast(id: number): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id), spoken: s.spoken.filter((t) => t.id !== id) }));
}

function speak(toast: Toast): void {
  useToastStore.setState((s) => ({ spoken: [...s.spoken, toast].slice(-MAX_SPOKEN) }));
}

/**
 * Says a message to screen readers only (politely, after what they are reading). For routine
 * confirmations whose result is already on screen — a dot placed, a note moved, a field saved —
 * where a toast each time would only cover the board.
 */
export function announceQuietly(text: string): void {
  const toast: Toast = { id: nextId++, text, tone: 'info' };
  if (useToastStore.getState().spoken.at(-1)?.text === text) return;
  speak(toast);
  setTimeout(() => dismissToast(toast.id), TOAST_DURATION_MS);
}

/** Shows a message and has screen readers say it. Bursts are grouped into one toast (see {@link TOAST_GROUP_MS}). */
export function announce(text: string, tone: Toast['tone'] = 'info', now = Date.now()): void {
  const state = useToastStore.getState();
  // The same sentence twice in a row (a double click) is said once.
  if (state.spoken.at(-1)?.text === text) return;
  const toast: Toast = { id: nextId++, text, tone };
  speak(toast);
  const last = state.toasts.at(-1);
  const isGrouped = last !== undefined && last.tone === tone && now - lastShownAt < TOAST_GROUP_MS;
  lastShownAt = now;
  useToastStore.setState((s) => ({
    toasts: [...(isGrouped ? s.toasts.filter((t) => t !== last) : s.toasts), toast].slice(-MAX_TOASTS),
  }));
  setTimeout(() => dismissToast(toast.id), tone === 'error' ? ERROR_TOAST_DURATION_MS : TOAST_DURATION_MS);
}
