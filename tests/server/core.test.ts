import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/boardDoc';
import { sortedPrompts } from '../../shared/domain/state';
import { CLOSE_CODES } from '../../shared/protocol';
import { createBoard, framesContain, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

async function workshop() {
  const created = await createBoard(t.server);
  const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  const alice = t.connect(created.boardId);
  const bob = t.connect(created.boardId);
  await waitSynced(facilitator, alice, bob);
  const prompts = sortedPrompts(facilitator.board());
  expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
  return { created, facilitator, alice, bob, prompts };
}

describe('a workshop with a facilitator and two participants', () => {
  it('keeps drafts private until reveal, then shows every note to everyone, converged', async () => {
    const { created, facilitator, alice, bob, prompts } = await workshop();
    const promptId = prompts[0]!.id;
    const aliceText = 'Alice-secret-draft childcare';
    const bobText = 'Bob-secret-draft mental exhaustion';
    expect(await alice.send({ type: 'postDraft', draftId: 'alice-1', promptId, text: aliceText, tag: 'need' })).toMatchObject({
      ok: true,
    });
    expect(await bob.send({ type: 'postDraft', draftId: 'bob-1', promptId, text: bobText, tag: null })).toMatchObject({
      ok: true,
    });
    await waitFor(() => facilitator.board().prompts.get(promptId)?.pendingCount === 2, 5000, 'counts');

    // Before reveal: only counts travel; the text reaches nobody but its author.
    expect(framesContain(alice.frames, aliceText)).toBe(true);
    for (const other of [facilitator, bob]) expect(framesContain(other.frames, aliceText)).toBe(false);
    for (const other of [facilitator, alice]) expect(framesContain(other.frames, bobText)).toBe(false);
    expect(facilitator.board().prompts.get(promptId)).toMatchObject({ pendingCount: 2, contributorCount: 2, isRevealed: false });
    expect(facilitator.board().notes.size).toBe(0);

    expect((await facilitator.send({ type: 'setPhase', phase: 'share' })).ok).toBe(true);
    // Two writers would each know the other's note: the server asks the facilitator first, and shows nothing.
    expect(await facilitator.send({ type: 'reveal', promptId })).toMatchObject({ ok: false, error: 'too_few_people' });
    expect(facilitator.board().prompts.get(promptId)?.isRevealed).toBe(false);
    for (const other of [facilitator, bob]) expect(framesContain(other.frames, aliceText)).toBe(false);
    expect((await facilitator.send({ type: 'reveal', promptId, confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => [facilitator, alice, bob].every((c) => c.board().notes.size === 2), 5000, 'notes everywhere');

    const texts = [...bob.board().notes.values()].map((n) => n.text).sort();
    expect(texts).toEqual([aliceText, bobText].sort());
    // Converged: identical documents, byte for byte.
    const states = [facilitator, alice, bob].map((c) => Buffer.from(Y.encodeStateAsUpdate(c.connection.doc)).toString('base64'));
    expect(new Set(states).size).toBe(1);
    // Nothing about authorship or secrets in anyone's frames.
    const secrets = [created.facilitatorKey, facilitator.secret!, alice.secret!, bob.secret!];
    for (const client of [facilitator, alice, bob]) {
      for (const secret of secrets) expect(framesContain(client.frames, secret)).toBe(false);
    }
    // Every Yjs item was written by the server's client id, never by a participant's.
    const writers = new Set(Y.decodeStateVector(Y.encodeStateVector(bob.connection.doc)).keys());
    for (const client of [facilitator, alice, bob]) expect(writers.has(client.connection.doc.clientID)).toBe(false);
  });

  it('reveals notes in an order unrelated to the order they were written', async () => {
    const { facilitator, alice, bob, prompts } = await workshop();
    const promptId = prompts[1]!.id;
    const written: string[] = [];
    for (let i = 0; i < 12; i++) {
      const author = i % 2 === 0 ? alice : bob;
      const text = `note number ${String(i).padStart(2, '0')}`;
      written.push(text);
      expect((await author.send({ type: 'postDraft', draftId: `d${i}`, promptId, text, tag: null })).ok).toBe(true);
    }
    await facilitator.send({ type: 'setPhase', phase: 'share' });
    // Two writers: revealing is the facilitator's explicit call.
    await facilitator.send({ type: 'reveal', promptId: null, confirmSmallCount: true });
    await waitFor(() => facilitator.board().notes.size === 12);
    const revealed = [...facilitator.board().notes.values()].sort((a, b) => (a.order < b.order ? -1 : 1)).map((n) => n.text);
    expect(revealed.sort()).toEqual([...written].sort());
    const inOrder = [...facilitator.board().notes.values()].sort((a, b) => (a.order < b.order ? -1 : 1)).map((n) => n.text);
    // The identity permutation of 12 notes has probability 1/12! ≈ 2e-9 under a uniform shuffle.
    expect(inOrder).not.toEqual(written);
    // Note ids are fresh random ids, not the draft ids the authors chose.
    for (const note of facilitator.board().notes.values()) expect(note.id).not.toMatch(/^d\d+$/);
  });

  it('holds notes written after reveal while a batch would name its writers; releasing them early needs confirming', async () => {
    const { facilitator, alice, bob, prompts } = await workshop();
    const promptId = prompts[2]!.id;
    await facilitator.send({ type: 'setPhase', phase: 'share' });
    await facilitator.send({ type: 'reveal', promptId });
    await alice.send({ type: 'postDraft', draftId: 'late-1', promptId, text: 'late one', tag: null });
    await alice.send({ type: 'postDraft', draftId: 'late-2', promptId, text: 'late two', tag: null });
    await waitFor(() => facilitator.board().prompts.get(promptId)?.pendingCount === 2);
    expect(facilitator.board().notes.size).toBe(0);
    expect(framesContain(bob.frames, 'late one')).toBe(false);
    // Issue #11: with Bob's note the batch is 3 notes from 2 people, but Alice would know Bob wrote the third.
    await bob.send({ type: 'postDraft', draftId: 'late-3', promptId, text: 'late three', tag: 'nice' });
    await waitFor(() => facilitator.board().prompts.get(promptId)?.pendingCount === 3);
    expect(facilitator.board().notes.size).toBe(0);
    expect(framesContain(alice.frames, 'late three')).toBe(false);
    expect(await facilitator.send({ type: 'releaseHeld', promptId })).toMatchObject({ ok: false, error: 'too_few_people' });
    expect((await facilitator.send({ type: 'releaseHeld', promptId, confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => facilitator.board().notes.size === 3, 5000, 'release');
    expect(facilitator.board().prompts.get(promptId)?.pendingCount).toBe(0);
  });

  it('refuses a participant that writes to the document and leaves the document unchanged', async () => {
    const { facilitator, alice } = await workshop();
    const before = Y.encodeStateAsUpdate(facilitator.connection.doc);
    let closedWith: number | null = null;
    alice.connection.provider.on('closed', (event) => {
      closedWith = event.code;
    });
    // A modified client writes into its replica; WebsocketProvider sends the update to the t.server.
    alice.connection.doc.getMap('notes').set('forged', new Y.Map());
    alice.connection.doc.getMap('meta').set('phase', 'agreement');
    await waitFor(() => closedWith !== null, 5000, 'refusal');
    expect(closedWith).toBe(CLOSE_CODES.FORBIDDEN_WRITE);
    // Wait one round trip of the facilitator to be sure nothing was broadcast.
    await facilitator.send({ type: 'focusPrompt', promptId: null });
    expect(readBoard(facilitator.connection.doc)?.meta.phase).toBe('reflect');
    expect(readBoard(facilitator.connection.doc)?.notes.has('forged')).toBe(false);
    expect(Buffer.from(Y.encodeStateAsUpdate(facilitator.connection.doc)).equals(Buffer.from(before))).toBe(true);
  });

  it('applies a command replayed with the same id once, and answers the replay the same way', async () => {
    const { alice, prompts } = await workshop();
    const promptId = prompts[0]!.id;
    const command = { type: 'postDraft', draftId: 'once', promptId, text: 'only once', tag: null } as const;
    const first = await alice.send(command, 'cmd-replayed');
    const second = await alice.send(command, 'cmd-replayed');
    expect(first).toEqual({ id: 'cmd-replayed', ok: true });
    expect(second).toEqual(first);
    const slice = await new Promise<unknown>((resolve) => {
      const off = alice.connection.on('private', (m) => {
        if (m.type === 'slice') {
          off();
          resolve(m);
        }
      });
      alice.connection.disconnect();
      alice.connection.connect();
    });
    expect(slice).toMatchObject({ drafts: [{ id: 'once' }], posted: { [promptId]: 1 } });
  });
});
