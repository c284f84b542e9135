import type { MarkCounts, Reaction } from '../../../../shared/records/Mark';

/** How each reaction shows: its emoji (decoration) and its name (what screen readers say). */
export const REACTION_FACES: Readonly<Record<Reaction, { readonly emoji: string; readonly name: string }>> = {
  plusOne: { emoji: '👍', name: 'Plus one' },
  heart: { emoji: '❤️', name: 'Love it' },
  idea: { emoji: '💡', name: 'Good idea' },
  question: { emoji: '❓', name: 'Question' },
};

/** Said under a participant's "done" button: what others will learn from it. */
export const DONE_PRIVACY = 'The facilitator sees how many people are done, never who.';

/** "3 people are done" (the facilitator's count of done marks). */
export function doneLine(count: number, what: 'writing' | 'voting'): string {
  if (count === 0) return `Nobody has said they are done ${what} yet`;
  return `${count === 1 ? '1 person is' : `${count} people are`} done ${what}`;
}

/** "Plus one: 2, Question: 1": a note's reactions in words, or '' when it has none. */
export function reactionsLine(counts: MarkCounts | undefined): string {
  return (Object.keys(REACTION_FACES) as Reaction[])
    .filter((r) => (counts?.[r] ?? 0) > 0)
    .map((r) => `${REACTION_FACES[r].name}: ${counts?.[r]}`)
    .join(', ');
}
