import type { RefusalId } from './domain/refusals';

/**
 * The phases of a workshop and the moves between them, as data. The facilitator moves one step
 * forward or back; a move that would hide work from participants or stop them mid-task carries a
 * confirmation sentence and is refused until the command says `confirm: true`.
 */

/** The refusals that ask a facilitator to confirm a phase move. */
export type PhaseConfirmation = Extract<RefusalId, `confirm${string}`>;

/** Phases in workshop order. */
export const PHASES = ['setup', 'reflect', 'share', 'group', 'vote', 'decide', 'agreement', 'revisit'] as const;
/** See {@link PHASES}. */
export type Phase = (typeof PHASES)[number];

/** A permitted move between two phases. */
export interface PhaseTransition {
  readonly from: Phase;
  readonly to: Phase;
  /** When set, the facilitator must confirm this sentence (shared/domain/refusals.ts) before the move happens. */
  readonly confirm: PhaseConfirmation | null;
}

/** Every permitted phase move. Anything not listed is refused. */
export const PHASE_TRANSITIONS: readonly PhaseTransition[] = [
  { from: 'setup', to: 'reflect', confirm: null },
  { from: 'reflect', to: 'setup', confirm: 'confirmLeaveReflect' },
  { from: 'reflect', to: 'share', confirm: null },
  { from: 'share', to: 'reflect', confirm: 'confirmLeaveShare' },
  { from: 'share', to: 'group', confirm: null },
  { from: 'group', to: 'share', confirm: null },
  { from: 'group', to: 'vote', confirm: null },
  { from: 'vote', to: 'group', confirm: 'confirmLeaveVote' },
  { from: 'vote', to: 'decide', confirm: null },
  { from: 'decide', to: 'vote', confirm: 'confirmLeaveDecide' },
  { from: 'decide', to: 'agreement', confirm: null },
  { from: 'agreement', to: 'decide', confirm: null },
  { from: 'agreement', to: 'revisit', confirm: null },
  { from: 'revisit', to: 'agreement', confirm: null },
  // Adding items to the next version goes through the usual flow again.
  { from: 'revisit', to: 'reflect', confirm: null },
];

/** The transition from `from` to `to`, or undefined when that move is not allowed. */
export function findTransition(from: Phase, to: Phase): PhaseTransition | undefined {
  return PHASE_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The next phase in workshop order, or null at the end. */
export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}

/** The previous phase in workshop order, or null at the start. */
export function previousPhase(phase: Phase): Phase | null {
  const index = PHASES.indexOf(phase);
  return index > 0 ? (PHASES[index - 1] ?? null) : null;
}

/** One plain-language sentence per phase, shown to participants: what to do now. */
export const PHASE_GUIDANCE: Readonly<Record<Phase, string>> = {
  setup: 'The facilitator is preparing the questions. You can join now and wait.',
  reflect: 'Write your own answers to each question. Nobody else can read them yet.',
  share: 'Answers are being shown to everyone, without names. You can still add more.',
  group: 'The facilitator is putting similar answers together into themes.',
  vote: 'Put your dots on the themes that matter most to you.',
  decide: 'Say whether you agree with each proposed agreement.',
  agreement: 'Here is what the group agreed.',
  revisit: 'The group is checking whether the agreement still works.',
};
