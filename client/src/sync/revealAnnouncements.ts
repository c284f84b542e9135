import type { BoardState } from '../../../shared/domain/state';
import { sortedPrompts } from '../../../shared/domain/state';
import { phaseGuidance, phaseName, quoted } from '../copy';
import { translate } from '../i18n/i18n';

/** Counts per notes map: the reader keeps an unchanged map, so the board before is counted once. */
const countsByNotes = new WeakMap<BoardState['notes'], Map<string, number>>();

function notesPerPrompt(board: BoardState): Map<string, number> {
  const cached = countsByNotes.get(board.notes);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const note of board.notes.values()) counts.set(note.promptId, (counts.get(note.promptId) ?? 0) + 1);
  countsByNotes.set(board.notes, counts);
  return counts;
}

/**
 * Sentences for the live region when the board changes in a way everyone should hear: a reveal
 * ("12 notes revealed for ‘…’"), a released batch of held notes, a new phase. Screen reader users
 * hear what sighted people see appear. In the reader's language, from the catalogs.
 */
export function describeBoardChanges(before: BoardState, after: BoardState, isFacilitator: boolean): string[] {
  const sentences: string[] = [];
  if (before.meta.phase !== after.meta.phase) {
    // Participants hear what to do now; the facilitator, who made the move, only where they are.
    const phase = phaseName(after.meta.phase);
    sentences.push(
      isFacilitator
        ? translate('board.announce.phase', { phase })
        : translate('board.announce.phaseGuidance', {
            phase,
            guidance: phaseGuidance(after.meta.phase, after.meta.settings.isAnonymous),
          }),
    );
  }
  // Notes are never deleted, and a reveal changes its prompt: with the same prompts and as many
  // notes (a move, a rename), nothing was revealed or released, and the notes need no counting.
  if (before.prompts === after.prompts && before.notes.size === after.notes.size) return sentences;
  const countsBefore = notesPerPrompt(before);
  const countsAfter = notesPerPrompt(after);
  const revealed: { text: string; count: number }[] = [];
  for (const prompt of sortedPrompts(after)) {
    const previous = before.prompts.get(prompt.id);
    if (!previous || !prompt.isRevealed) continue;
    const added = (countsAfter.get(prompt.id) ?? 0) - (countsBefore.get(prompt.id) ?? 0);
    if (!previous.isRevealed) revealed.push({ text: prompt.text, count: added });
    else if (added > 0) sentences.push(translate('board.announce.moreShown', { count: added, prompt: quoted(prompt.text) }));
  }
  const [only] = revealed;
  if (revealed.length === 1 && only) {
    sentences.push(translate('board.announce.revealed', { count: only.count, prompt: quoted(only.text) }));
  } else if (revealed.length > 1) {
    // "Reveal all" is one event: one sentence, not one per question.
    const total = revealed.reduce((sum, r) => sum + r.count, 0);
    sentences.push(translate('board.announce.revealedAll', { questions: revealed.length, count: total }));
  }
  return sentences;
}
