import type { CommandOf } from '../commands';
import { MAX_TIMER_MS, MIN_TIMER_MS } from '../limits';
import type { Changes } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import type { DomainContext, DomainState } from './state';

/**
 * Timers are stored as an absolute end time on the server's clock. Every client shows
 * `endsAt - (its clock + its measured offset to the server)`, so all screens agree, after a
 * reconnect too, whatever their own clock says.
 */
export function startTimer(_state: DomainState, command: CommandOf<'startTimer'>, ctx: DomainContext): Changes {
  return {
    doc: [{ type: 'setMeta', fields: { timer: { endsAt: ctx.now + command.durationMs, durationMs: command.durationMs } } }],
    private: [],
  };
}

/** Adds (or, with a negative amount, takes away) time from the running timer. */
export function addTime(state: DomainState, command: CommandOf<'addTime'>, ctx: DomainContext): Changes | DomainError {
  const timer = state.board.meta.timer;
  if (!timer) return refuse('conflict', 'timerNotRunning');
  const base = Math.max(timer.endsAt, ctx.now);
  const endsAt = Math.min(base + command.ms, ctx.now + MAX_TIMER_MS);
  if (endsAt < ctx.now) return refuse('invalid_command', 'timerEndsInPast');
  return {
    // The length grows by the time actually added (less than `ms` at the cap), so the part already run stays right.
    doc: [
      { type: 'setMeta', fields: { timer: { endsAt, durationMs: Math.max(MIN_TIMER_MS, timer.durationMs + endsAt - base) } } },
    ],
    private: [],
  };
}

/** Stops the timer. */
export function stopTimer(state: DomainState): Changes {
  if (!state.board.meta.timer) return { doc: [], private: [] };
  return { doc: [{ type: 'setMeta', fields: { timer: null } }], private: [] };
}

/**
 * Milliseconds left on a timer as a client should show it: its own clock corrected by the
 * offset it measured to the server (server time minus local time), never below zero nor above
 * the timer's length.
 */
export function remainingMs(
  timer: { endsAt: number; durationMs?: number } | null,
  localNow: number,
  serverOffsetMs: number,
): number {
  if (timer === null) return 0;
  const left = Math.max(0, timer.endsAt - (localNow + serverOffsetMs));
  // The offset is measured over one message, so it errs by that message's latency: a timer never
  // shows more than its full length.
  return timer.durationMs === undefined ? left : Math.min(left, timer.durationMs);
}
