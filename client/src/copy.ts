import type { Phase } from '../../shared/phases';
import type { Prompt, PromptKind } from '../../shared/records/Prompt';
import { type MessageKey, type Translate, translate } from './i18n/i18n';

/**
 * The interface's words about phases and prompts, in the reader's language (issue 14). Each helper
 * takes a component's `t` (from `useT`, so that it re-renders on a language change) or, outside
 * React, defaults to `translate`. Exports keep their own English (shared/phases.ts PHASE_GUIDANCE).
 */

/** Short names of the phases, for the stepper, the guidance line and announcements. */
export const PHASE_NAME_KEYS: Readonly<Record<Phase, MessageKey>> = {
  setup: 'common.phase.setup',
  reflect: 'common.phase.reflect',
  share: 'common.phase.share',
  group: 'common.phase.group',
  vote: 'common.phase.vote',
  decide: 'common.phase.decide',
  agreement: 'common.phase.agreement',
  revisit: 'common.phase.revisit',
};

/** A phase's short name: "Share". */
export function phaseName(phase: Phase, t: Translate = translate): string {
  return t(PHASE_NAME_KEYS[phase]);
}

const GUIDANCE_KEYS: Readonly<Record<Phase, MessageKey>> = {
  setup: 'common.guidance.setup',
  reflect: 'common.guidance.reflect',
  share: 'common.guidance.share',
  group: 'common.guidance.group',
  vote: 'common.guidance.vote',
  decide: 'common.guidance.decide',
  agreement: 'common.guidance.agreement',
  revisit: 'common.guidance.revisit',
};

/** What to do now, in one sentence; boards that show names say so when the answers are shown. */
export function phaseGuidance(phase: Phase, isAnonymous: boolean, t: Translate = translate): string {
  return t(!isAnonymous && phase === 'share' ? 'common.guidance.shareNamed' : GUIDANCE_KEYS[phase]);
}

/** The count line of a prompt before its notes are revealed: counts only, never words. */
export function pendingLine(prompt: Prompt, t: Translate = translate): string {
  if (prompt.pendingCount === 0) return t('notes.pendingNone');
  return t('notes.pending', { count: prompt.pendingCount, people: prompt.contributorCount });
}

/** The count line of a revealed prompt. */
export function revealedLine(shown: number, t: Translate = translate): string {
  return shown === 0 ? t('notes.noneShown') : t('notes.shown', { count: shown });
}

/** Why the note composer is not shown in this phase. */
export function writingClosedReason(phase: Phase, t: Translate = translate): string {
  return t(phase === 'setup' ? 'notes.writingNotYet' : 'notes.writingClosed');
}

/** How a prompt's answers will be used, in plain words. */
export const PROMPT_KIND_KEYS: Readonly<Record<PromptKind, MessageKey>> = {
  align: 'common.promptKind.align',
  awareness: 'common.promptKind.awareness',
};

/**
 * Cuts a prompt for use inside a sentence, between the reader's quotation marks (‘…’, «…», „…“).
 * Its callers put it in a message of their own, so the component's `t` re-renders it already.
 */
export function quoted(text: string): string {
  return translate('common.quoted', { text: text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text });
}
