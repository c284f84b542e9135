import type { MarkCounts, Reaction } from '../../../../shared/records/Mark';
import { currentLocale, type MessageKey, translate } from '../../i18n/i18n';

/** How each reaction shows: its emoji (decoration) and its name's key (what screen readers say). */
export const REACTION_FACES: Readonly<Record<Reaction, { readonly emoji: string; readonly name: MessageKey }>> = {
  plusOne: { emoji: '👍', name: 'marks.plusOne' },
  heart: { emoji: '❤️', name: 'marks.heart' },
  idea: { emoji: '💡', name: 'marks.idea' },
  question: { emoji: '❓', name: 'marks.question' },
};

/** "3 people are done" (the facilitator's count of done marks). */
export function doneLine(count: number, what: 'writing' | 'voting'): string {
  return translate(what === 'writing' ? 'marks.doneWriting' : 'marks.doneVoting', { count });
}

/** "Plus one: 2, Question: 1": a note's reactions in words, or '' when it has none. */
export function reactionsLine(counts: MarkCounts | undefined): string {
  const parts = (Object.keys(REACTION_FACES) as Reaction[])
    .filter((r) => (counts?.[r] ?? 0) > 0)
    .map((r) => translate('marks.reactionCount', { name: translate(REACTION_FACES[r].name), count: counts?.[r] ?? 0 }));
  return new Intl.ListFormat(currentLocale(), { type: 'unit', style: 'short' }).format(parts);
}
