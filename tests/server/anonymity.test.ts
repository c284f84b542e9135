import path from 'node:path';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setLogSink } from '../../server/log';
import { sortedPrompts } from '../../shared/domain/state';
import { decodeJsonBody, MESSAGE_AWARENESS, MESSAGE_PRIVATE, type PrivateMessage } from '../../shared/protocol';
import { createBoard, framesContain, type TestClient, useTestServer, waitFor, waitSynced } from './helpers';

const lines: string[] = [];
beforeAll(() => setLogSink((line) => lines.push(line), 'debug'));
afterAll(() => setLogSink(() => {}, 'silent'));
const t = useTestServer();

function welcomeOf(client: TestClient): Extract<PrivateMessage, { type: 'welcome' }> {
  for (const f of client.frames) {
    if (f[0] !== MESSAGE_PRIVATE) continue;
    const decoder = decoding.createDecoder(new Uint8Array(f));
    decoding.readVarUint(decoder);
    const message = decodeJsonBody(decoder) as PrivateMessage;
    if (message.type === 'welcome') return message;
  }
  throw new Error('no welcome');
}

describe('anonymity audit of a whole workshop', () => {
  it('lets nothing any client receives, nor the log, link a note, dot or response to its author', async () => {
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    const names = ['Avery Canary', 'Blake Canary', 'Casey Canary', 'Devon Canary'];
    const people = names.map(() => t.connect(created.boardId));
    const everyone = [facilitator, ...people];
    await waitSynced(...everyone);
    for (const [i, p] of people.entries()) p.connection.provider.awareness.setLocalState({ user: { name: names[i] } });
    const prompts = sortedPrompts(facilitator.board());
    const alignPrompt = prompts.find((p) => p.kind === 'align')!;
    const otherPrompt = prompts[1]!;
    // Every note count the facilitator ever saw per prompt, to check that releases come in batches.
    const counts: number[][] = [];
    facilitator.connection.doc.on('update', () => {
      const board = facilitator.board();
      counts.push(
        [alignPrompt.id, otherPrompt.id].map((id) => [...board.notes.values()].filter((n) => n.promptId === id).length),
      );
    });

    // Reflect: everyone writes; each text and draft id is a canary tied to its author.
    expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
    const authored = new Map<TestClient, string[]>();
    for (const [i, person] of people.entries()) {
      const texts = [`canary-text-${i}-a`, `canary-text-${i}-b`];
      authored.set(person, texts);
      await person.send({
        type: 'postDraft',
        draftId: `canary-draft-${i}-a`,
        promptId: alignPrompt.id,
        text: texts[0]!,
        tag: 'need',
      });
      await person.send({
        type: 'postDraft',
        draftId: `canary-draft-${i}-b`,
        promptId: otherPrompt.id,
        text: texts[1]!,
        tag: null,
      });
    }
    // Share: reveal, then late notes (held, released together).
    await facilitator.send({ type: 'setPhase', phase: 'share' });
    await facilitator.send({ type: 'reveal', promptId: null });
    const late = (person: number, i: number) =>
      people[person]!.send({
        type: 'postDraft',
        draftId: `late-${i}`,
        promptId: alignPrompt.id,
        text: `canary-late-${i}`,
        tag: null,
      });
    // Issue #11: person 0 holds two notes, person 1 writes one. Released now, person 0 would know it is person 1's.
    expect((await late(0, 0)).ok && (await late(0, 1)).ok && (await late(1, 2)).ok).toBe(true);
    // The counter and a release would travel in the same update: three held, so nothing came out.
    const held = (c: TestClient) => c.board().prompts.get(alignPrompt.id)?.pendingCount;
    await waitFor(() => everyone.every((c) => held(c) === 3), 5000, 'three held notes');
    expect(everyone.every((c) => c.board().notes.size === 8)).toBe(true);
    // Two more people write: now each writer sees at least 3 notes by 2 or more others, and all 5 come out.
    expect((await late(2, 3)).ok && (await late(3, 4)).ok).toBe(true);
    await waitFor(() => everyone.every((c) => c.board().notes.size === 13), 5000, 'late batch');
    // Group, vote, decide.
    await facilitator.send({ type: 'setPhase', phase: 'group' });
    const noteIds = [...facilitator.board().notes.values()].filter((n) => n.promptId === alignPrompt.id).map((n) => n.id);
    await facilitator.send({
      type: 'createTheme',
      themeId: 'th1',
      promptId: alignPrompt.id,
      name: 'Care',
      noteIds: noteIds.slice(0, 3),
      beforeThemeId: null,
    });
    await facilitator.send({
      type: 'createTheme',
      themeId: 'th2',
      promptId: alignPrompt.id,
      name: 'Time',
      noteIds: noteIds.slice(3, 5),
      beforeThemeId: null,
    });
    await facilitator.send({ type: 'setPhase', phase: 'vote' });
    await facilitator.send({
      type: 'openVoteRound',
      roundId: 'v1',
      label: 'Round 1',
      dotsPerPerson: 3,
      maxPerItem: 2,
      facilitatorVotes: false,
      itemIds: null,
    });
    for (const [i, person] of people.entries()) {
      await person.send({ type: 'placeDot', roundId: 'v1', itemId: i % 2 === 0 ? 'th1' : 'th2' });
      await person.send({ type: 'placeDot', roundId: 'v1', itemId: 'th1' });
    }
    await facilitator.send({ type: 'closeVoteRound', roundId: 'v1' });
    await facilitator.send({ type: 'setPhase', phase: 'decide' });
    await facilitator.send({
      type: 'openProposal',
      proposalId: 'pr1',
      promptId: alignPrompt.id,
      themeId: 'th1',
      statement: 'We cover for each other at school pickup time.',
      rule: 'consensus',
      quorumPercent: 50,
      thresholdPercent: 50,
      previousProposalId: null,
    });
    const responses = ['agree', 'canLive', 'block', 'agree'] as const;
    for (const [i, person] of people.entries()) {
      await person.send({
        type: 'respond',
        proposalId: 'pr1',
        response: responses[i]!,
        reason: i === 2 ? 'canary-reason-2' : null,
      });
    }
    await facilitator.send({ type: 'closeProposal', proposalId: 'pr1' });
    await waitFor(() => everyone.every((c) => c.board().proposals.get('pr1')?.status === 'failed'), 5000, 'decision');

    // 1. Secrets and participant ids reach nobody but their owner.
    const ids = new Map(people.map((p) => [p, welcomeOf(p).participantId!]));
    for (const owner of people) {
      for (const other of everyone) {
        if (other === owner) continue;
        expect(framesContain(other.frames, ids.get(owner)!)).toBe(false);
        expect(framesContain(other.frames, owner.secret!)).toBe(false);
      }
    }
    for (const client of everyone) expect(framesContain(client.frames, created.facilitatorKey)).toBe(false);
    // 2. Before reveal only the author held a text; the chosen draft ids never reach anyone else.
    for (const [i, owner] of people.entries()) {
      for (const other of everyone) {
        if (other !== owner) expect(framesContain(other.frames, `canary-draft-${i}`)).toBe(false);
      }
    }
    // 3. Names travel only in presence (awareness frames), never in document or private frames.
    for (const client of everyone) {
      for (const f of client.frames.filter((f) => f[0] !== MESSAGE_AWARENESS)) {
        for (const name of names) expect(f.includes(Buffer.from(name))).toBe(false);
      }
    }
    // 4. Every item of the document was written by the server: no client id of a person appears.
    const writers = [...Y.decodeStateVector(Y.encodeStateVector(facilitator.connection.doc)).keys()];
    for (const client of everyone) expect(writers).not.toContain(client.connection.doc.clientID);
    // 5. Notes arrive in batches: at reveal all at once, the late ones together.
    const increases = counts.flatMap((now, i) => now.map((n, j) => n - (counts[i - 1]?.[j] ?? 0))).filter((d) => d > 0);
    expect(increases).toEqual([4, 4, 5]);
    // 6. Results: tallies and reasons only, no names, no ids.
    const outcome = facilitator.board().proposals.get('pr1')!.outcome!;
    expect(outcome.reasons).toEqual([{ response: 'block', text: 'canary-reason-2' }]);
    expect(facilitator.board().voteRounds.get('v1')!.tallies).toMatchObject({ th1: 6, th2: 2 });
    // 7. Neither do the exports (for the facilitator key; the read-only key gets the same files).
    for (const kind of ['md', 'csv', 'json']) {
      const res = await fetch(`${t.server.url}/api/boards/${created.boardId}/export.${kind}`, {
        headers: { authorization: `Bearer ${created.facilitatorKey}` },
      });
      expect(res.status).toBe(200);
      const body = await res.text();
      for (const owner of people) {
        expect(body).not.toContain(ids.get(owner)!);
        expect(body).not.toContain(owner.secret!);
      }
      for (const needle of [...names, 'canary-draft', created.facilitatorKey, created.readerKey])
        expect(body).not.toContain(needle);
      // The texts themselves are there, unattributed: that is the point of an export.
      expect(body).toContain('canary-text-0-a');
    }
    // 8. The log holds none of it.
    const log = lines.join('\n');
    for (const needle of [...names, 'canary-', created.facilitatorKey, ...people.map((p) => p.secret!)])
      expect(log).not.toContain(needle);
    // 9. Storage: no author link left for revealed notes, no ballots, no responses.
    const db = new Database(path.join(t.server.dataDir, 'accord.sqlite'), { readonly: true });
    for (const table of ['drafts', 'ballots', 'responses'])
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    db.close();
  }, 60_000);
});
