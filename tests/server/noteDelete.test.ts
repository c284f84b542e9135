import { describe, expect, it } from 'vitest';
import { openVoteSentence } from '../../shared/domain/noteDeleteCommands';
import { sortedPrompts } from '../../shared/domain/state';
import { undoOfDeleteNotes } from '../../shared/domain/undoPlans';
import { compareByOrder } from '../../shared/fractionalIndex';
import type { TestClient } from './helpers';
import { createBoard, framesContain, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

/** A board in the group phase: 6 revealed notes (3 in the theme `care`), two facilitators, two participants. */
async function groupBoard() {
  const created = await createBoard(t.server);
  const f1 = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  const f2 = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  const alice = t.connect(created.boardId);
  const bob = t.connect(created.boardId);
  await waitSynced(f1, f2, alice, bob);
  const promptId = sortedPrompts(f1.board())[0]!.id;
  await f1.send({ type: 'setPhase', phase: 'reflect' });
  for (let i = 0; i < 6; i++) {
    const author = i % 2 === 0 ? alice : bob;
    expect((await author.send({ type: 'postDraft', draftId: `d${i}`, promptId, text: `Secret words ${i}`, tag: null })).ok).toBe(
      true,
    );
  }
  await f1.send({ type: 'setPhase', phase: 'share' });
  await f1.send({ type: 'reveal', promptId, confirmSmallCount: true });
  await f1.send({ type: 'setPhase', phase: 'group' });
  await waitFor(() => [f1, f2, alice, bob].every((c) => c.board().notes.size === 6 && c.board().meta.phase === 'group'));
  const noteIds = [...f1.board().notes.values()].sort(compareByOrder).map((n) => n.id);
  const made = await f1.send({
    type: 'createTheme',
    themeId: 'care',
    promptId,
    name: 'Care',
    noteIds: noteIds.slice(0, 3),
    beforeThemeId: null,
  });
  expect(made.ok).toBe(true);
  const everyone = [f1, f2, alice, bob];
  await waitFor(() => everyone.every((c) => c.board().themes.has('care')));
  return { created, f1, f2, alice, bob, everyone, promptId, noteIds };
}

/** Where every note is, as each client sees it: theme (or ungrouped) and order. */
function places(client: TestClient) {
  return [...client.board().notes.values()].sort(compareByOrder).map((n) => `${n.id}:${n.themeId ?? '-'}:${n.order}`);
}

describe('deleting revealed notes', () => {
  it('deletes for everyone, and the undo brings them back in their theme and order, with their reactions', async () => {
    const { f1, alice, bob, everyone, noteIds, created } = await groupBoard();
    const [inTheme, , , ungrouped] = [noteIds[1]!, noteIds[2]!, noteIds[3]!, noteIds[4]!];
    expect((await alice.send({ type: 'react', noteId: inTheme, reaction: 'heart', isOn: true })).ok).toBe(true);
    expect((await bob.send({ type: 'react', noteId: inTheme, reaction: 'heart', isOn: true })).ok).toBe(true);
    await waitFor(() => f1.board().notes.get(inTheme)?.markCounts?.heart === 2);
    const before = places(f1);
    const texts = [f1.board().notes.get(inTheme)!.text, f1.board().notes.get(ungrouped)!.text];
    const undo = undoOfDeleteNotes(f1.board(), [inTheme, ungrouped]);
    expect(undo).not.toBeNull();

    const seenBefore = everyone.map((c) => c.frames.length);
    expect((await f1.send({ type: 'deleteNotes', noteIds: [inTheme, ungrouped] })).ok).toBe(true);
    await waitFor(() => everyone.every((c) => c.board().notes.size === 4), 5000, 'the delete reaches everyone');
    // What the delete sends carries no note text and nobody's secret: notes have no author to link.
    everyone.forEach((client, i) => {
      const sent = client.frames.slice(seenBefore[i]);
      for (const text of texts) expect(framesContain(sent, text)).toBe(false);
      for (const person of [alice, bob]) expect(framesContain(sent, person.secret!)).toBe(false);
    });
    // Someone who opens the board now gets no trace of the deleted text.
    const late = t.connect(created.boardId);
    await waitSynced(late);
    await waitFor(() => late.board().notes.size === 4);
    for (const text of texts) expect(framesContain(late.frames, text)).toBe(false);

    expect((await f1.send(undo!)).ok).toBe(true);
    const all = [...everyone, late];
    await waitFor(() => all.every((c) => c.board().notes.size === 6), 5000, 'the undo reaches everyone');
    for (const client of all) expect(places(client)).toEqual(before);
    expect(late.board().notes.get(inTheme)?.markCounts).toEqual({ heart: 2 });
    expect(late.board().notes.get(inTheme)?.text).toBe(texts[0]);
    // Undoing twice changes nothing.
    const again = await f1.send(undo!);
    expect(again).toMatchObject({ ok: false, error: 'conflict' });
  });

  it('is the facilitator’s: a participant can neither delete nor restore', async () => {
    const { f1, alice, noteIds } = await groupBoard();
    const undo = undoOfDeleteNotes(f1.board(), [noteIds[4]!])!;
    expect(await alice.send({ type: 'deleteNotes', noteIds: [noteIds[4]!] })).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await f1.send({ type: 'deleteNotes', noteIds: [noteIds[4]!] })).ok).toBe(true);
    expect(await alice.send(undo)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(f1.board().notes.has(noteIds[4]!)).toBe(false);
  });

  it('refuses with a sentence while a vote left open may hold dots on the note, and deletes nothing', async () => {
    const { f1, f2, alice, everyone, noteIds } = await groupBoard();
    const ungrouped = noteIds[5]!;
    expect((await f1.send({ type: 'setPhase', phase: 'vote' })).ok).toBe(true);
    const opened = await f1.send({
      type: 'openVoteRound',
      roundId: 'round1',
      label: 'Round 1',
      dotsPerPerson: 3,
      maxPerItem: 2,
      facilitatorVotes: false,
      itemIds: null,
    });
    expect(opened.ok).toBe(true);
    await waitFor(() => alice.board().voteRounds.has('round1'));
    expect((await alice.send({ type: 'placeDot', roundId: 'round1', itemId: ungrouped })).ok).toBe(true);
    expect((await f1.send({ type: 'setPhase', phase: 'group', confirm: true })).ok).toBe(true);
    const refused = await f2.send({ type: 'deleteNotes', noteIds: [noteIds[0]!, ungrouped] });
    expect(refused).toMatchObject({ ok: false, error: 'conflict', message: openVoteSentence('Round 1') });
    await waitFor(() => everyone.every((c) => c.board().meta.phase === 'group'));
    expect(everyone.every((c) => c.board().notes.size === 6)).toBe(true);
  });
});
