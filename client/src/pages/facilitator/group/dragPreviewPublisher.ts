import { publishDragPreview } from '../../../sync/facilitationCommands';

/** At most 20 previews a second (the server accepts 30 presence updates a second from one connection). */
export const DRAG_PREVIEW_INTERVAL_MS = 50;

export interface DragPreviewPublisher {
  /** Where the carried notes are now, in % of their prompt's lane. */
  move(noteIds: readonly string[], x: number, y: number): void;
  /** The drop (or cancel): previews stop, the last word being "nothing is dragged". */
  end(): void;
}

/**
 * Throttles drag previews to DRAG_PREVIEW_INTERVAL_MS with a trailing send, so the last
 * position always goes out, and the clearing message is never sent so soon after a move that
 * the server's rate limit would drop it (leaving a stale highlight on everyone's screen).
 */
export function dragPreviewPublisher(publish = publishDragPreview): DragPreviewPublisher {
  let lastSentAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { noteIds: readonly string[]; x: number; y: number } | null | undefined;

  const flush = () => {
    timer = null;
    if (pending === undefined) return;
    publish(pending);
    pending = undefined;
    lastSentAt = performance.now();
  };
  const schedule = () => {
    if (timer !== null) return;
    const wait = Math.max(0, lastSentAt + DRAG_PREVIEW_INTERVAL_MS - performance.now());
    if (wait === 0) flush();
    else timer = setTimeout(flush, wait);
  };
  return {
    move(noteIds, x, y) {
      pending = { noteIds, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
      schedule();
    },
    end() {
      pending = null;
      schedule();
    },
  };
}
