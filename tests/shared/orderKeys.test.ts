import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { type Actor, type DomainState, emptyPrivateState, sortedPrompts } from '../../shared/domain/state';
import { keyBetween, keysBetween } from '../../shared/fractionalIndex';
import { MAX_NOTES_PER_PERSON_PER_PROMPT, MAX_PARTICIPANTS_PER_BOARD } from '../../shared/limits';
import { noteRecord } from '../../shared/records/Note';
import { isInvalid } from '../../shared/validate';
import { accept, afterChanges, FACILITATOR, newBoardChanges } from './helpers';

/**
 * Order keys are validated when the board is read (Note.order, Prompt.order). Keys that the
 * domain itself writes, within the documented limits, must pass that validation: a note whose
 * key is refused silently disappears from every client while the server still holds it.
 */
describe('order keys the domain writes stay readable', () => {
  it('keeps every released note readable when late notes arrive in many small batches', () => {
    // 120 people (of MAX_PARTICIPANTS_PER_BOARD) each write their MAX_NOTES_PER_PERSON_PER_PROMPT notes
    // to one revealed prompt, in turn: every fourth note (four people, each seeing three by others)
    // releases a batch, appended after the last note.
    const people: Actor[] = Array.from({ length: 120 }, (_, i) => ({ role: 'participant', participantId: `p${i}` }));
    expect(people.length).toBeLessThanOrEqual(MAX_PARTICIPANTS_PER_BOARD);
    const doc = new Y.Doc();
    applyDocChanges(doc, [...newBoardChanges(1), { type: 'setMeta', fields: { phase: 'share' } }], 'server');
    let state: DomainState = { board: readBoard(doc)!, ...emptyPrivateState() };
    const commit = (actor: Actor, command: Command) => {
      const changes = accept(state, actor, command);
      applyDocChanges(doc, changes.doc, 'server');
      state = afterChanges(state, changes);
    };
    commit(FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
    for (let round = 0; round < MAX_NOTES_PER_PERSON_PER_PROMPT; round++) {
      for (const person of people) {
        commit(person, {
          type: 'postDraft',
          draftId: `${person.participantId}-${round}`,
          promptId: 'prompt1',
          text: 'Late',
          tag: null,
        });
      }
    }
    expect(state.board.notes.size).toBe(people.length * MAX_NOTES_PER_PERSON_PER_PROMPT);
    expect(readBoard(doc)?.notes.size).toBe(state.board.notes.size);
  });

  it('keeps every prompt readable when the facilitator keeps swapping the first two prompts', () => {
    const doc = new Y.Doc();
    applyDocChanges(doc, newBoardChanges(2), 'server');
    let state: DomainState = { board: readBoard(doc)!, ...emptyPrivateState() };
    for (let i = 0; i < 1300; i++) {
      const last = sortedPrompts(state.board).at(-1)!;
      const first = sortedPrompts(state.board)[0]!;
      const changes = accept(state, FACILITATOR, { type: 'movePrompt', promptId: last.id, beforePromptId: first.id });
      applyDocChanges(doc, changes.doc, 'server');
      state = afterChanges(state, changes);
    }
    expect(state.board.prompts.size).toBe(2);
    expect(readBoard(doc)?.prompts.size).toBe(2);
  });

  it.each([
    [
      'appending batches of 3 after the last key, 800 times',
      () => {
        let last: string | null = null;
        for (let i = 0; i < 800; i++) last = keysBetween(last, null, 3).at(-1) ?? null;
        return last as string;
      },
    ],
    [
      'inserting before the first key 1,300 times (a drop at the top of a list)',
      () => {
        let first: string | null = null;
        for (let i = 0; i < 1300; i++) first = keyBetween(null, first);
        return first as string;
      },
    ],
  ])('accepts the key produced by %s', (_label, produce) => {
    const key = produce();
    const note = { id: 'n1', promptId: 'prompt1', text: 'Late', tag: null, themeId: null, order: key, author: null };
    expect(isInvalid(noteRecord(note)), `a key of ${key.length} characters`).toBe(false);
  });
});
