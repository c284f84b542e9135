import { PHASE_GUIDANCE, type Phase } from '../../shared/phases';
import type { Prompt } from '../../shared/records/Prompt';

/** Short names of the phases, for the stepper and announcements. */
export const PHASE_NAMES: Readonly<Record<Phase, string>> = {
  setup: 'Set up',
  reflect: 'Reflect',
  share: 'Share',
  group: 'Group',
  vote: 'Vote',
  decide: 'Decide',
  agreement: 'Agreement',
  revisit: 'Revisit',
};

/** What to do now, in one sentence; boards that show names say so when the answers are shown. */
export function phaseGuidance(phase: Phase, isAnonymous: boolean): string {
  return !isAnonymous && phase === 'share'
    ? 'Answers are being shown to everyone, with their authors’ names. You can still add more.'
    : PHASE_GUIDANCE[phase];
}

/** "1 note" / "3 notes". */
export function countNotes(count: number): string {
  return count === 1 ? '1 note' : `${count} notes`;
}

/** "1 person" / "3 people". */
export function countPeople(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** The count line of a prompt before its notes are revealed: counts only, never words. */
export function pendingLine(prompt: Prompt): string {
  if (prompt.pendingCount === 0) return 'No notes yet';
  return `${countNotes(prompt.pendingCount)} so far, from ${countPeople(prompt.contributorCount)}`;
}

/** The count line of a revealed prompt. */
export function revealedLine(shown: number): string {
  return shown === 0 ? 'No notes shown yet' : `${countNotes(shown)} shown`;
}

/** Why the note composer is not shown in this phase. */
export function writingClosedReason(phase: Phase): string {
  if (phase === 'setup') return 'You can write answers once the facilitator starts the reflection.';
  return 'Writing new answers is closed in this part of the workshop.';
}

/** How a prompt's answers will be used, in plain words. */
export const PROMPT_KIND_NAMES = {
  align: 'To agree on',
  awareness: 'To understand each other',
} as const;

/** Cuts a prompt for use inside a sentence. */
export function quoted(text: string): string {
  return text.length > 60 ? `‘${text.slice(0, 57).trimEnd()}…’` : `‘${text}’`;
}
