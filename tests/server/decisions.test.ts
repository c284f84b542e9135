import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sortedPrompts } from '../../shared/domain/state';
import { encodeCommand } from '../../shared/protocol';
import { randomToken, seededRandom } from '../../shared/random';
import { createBoard, framesContain, lastSlice, privateMessages, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

/** A board in the vote phase with six themes on its first (align) prompt. */
async function votingBoard() {
  const created = await createBoard(t.server);
  const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  await waitSynced(facilitator);
  const promptId = sortedPrompts(facilitator.board())[0]!.id;
  const author = t.connect(created.boardId);
  await waitSynced(author);
  await facilitator.send({ type: 'setPhase', phase: 'reflect' });
  await author.send({ type: 'postDraft', draftId: 'x', promptId, text: 'childcare', tag: 'need' });
  for (const phase of ['share', 'group'] as const) await facilitator.send({ type: 'setPhase', phase });
  const themes = ['t1', 't2', 't3', 't4', 't5', 't6'];
  for (const themeId of themes) {
    expect(
      (await facilitator.send({ type: 'createTheme', themeId, promptId, name: themeId, noteIds: [], beforeThemeId: null })).ok,
    ).toBe(true);
  }
  await facilitator.send({ type: 'setPhase', phase: 'vote' });
  return { created, facilitator, promptId, themes };
}

describe('dot voting under load', () => {
  it('keeps 50 people × 20 concurrent commands (two tabs each, replays) within budget, hides tallies, then deletes ballots', async () => {
    const { created, facilitator, themes } = await votingBoard();
    const opened = await facilitator.send({
      type: 'openVoteRound',
      roundId: 'r1',
      label: 'Round 1',
      dotsPerPerson: 5,
      maxPerItem: 3,
      facilitatorVotes: false,
      itemIds: null,
    });
    expect(opened.ok).toBe(true);
    const random = seededRandom(7);
    const people = Array.from({ length: 50 }, () => randomToken(16));
    const tabs = people.flatMap((secret) => [
      t.connect(created.boardId, { participantSecret: secret }),
      t.connect(created.boardId, { participantSecret: secret }),
    ]);
    await waitSynced(...tabs);

    const sends: Promise<unknown>[] = [];
    tabs.forEach((tab, i) => {
      for (let k = 0; k < 10; k++) {
        const itemId = themes[Math.floor(random() * themes.length)]!;
        const isRemove = random() < 0.25;
        const command = { type: isRemove ? 'removeDot' : 'placeDot', roundId: 'r1', itemId } as const;
        const id = `tab${i}-c${k}`;
        sends.push(tab.send(command, id));
        // A double submission reaching the server: the same envelope again on the wire.
        if (k % 4 === 0) tab.connection.provider.ws?.send(encodeCommand({ id, command }));
      }
    });
    await Promise.all(sends);
    // Replays after a reconnect: the outbox is re-sent; ids already applied are answered, not re-applied.
    const replay = tabs[0]!;
    replay.connection.disconnect();
    const again = replay.send({ type: 'placeDot', roundId: 'r1', itemId: themes[0]! }, 'tab0-c0');
    replay.connection.connect();
    await again;

    await waitFor(() => tabs.every((tab) => lastSlice(tab)?.dots !== undefined), 5000, 'slices');
    let total = 0;
    for (let p = 0; p < people.length; p++) {
      const mine = lastSlice(tabs[p * 2]!)?.dots.r1 ?? {};
      const counts = Object.values(mine);
      expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5);
      for (const count of counts) expect(count).toBeLessThanOrEqual(3);
      total += counts.reduce((a, b) => a + b, 0);
    }
    // While open: no tallies anywhere, only the number of voters.
    for (const client of [facilitator, ...tabs]) expect(client.board().voteRounds.get('r1')?.tallies).toBeNull();
    expect(facilitator.board().voteRounds.get('r1')?.voterCount).toBeGreaterThan(0);
    // Private slices go to their owner only, and only when the owner acted: one per accepted command of
    // either tab (20) plus the welcome and a reconnect. Were anyone told of others' dots, it would be ~1,000.
    for (const tab of tabs) expect(privateMessages(tab).filter((m) => m.type === 'slice').length).toBeLessThanOrEqual(23);
    expect((await facilitator.send({ type: 'closeVoteRound', roundId: 'r1' })).ok).toBe(true);
    await waitFor(() => tabs.every((tab) => tab.board().voteRounds.get('r1')?.tallies !== null), 5000, 'tallies');
    const tallies = facilitator.board().voteRounds.get('r1')!.tallies!;
    expect(Object.values(tallies).reduce((a, b) => a + b, 0)).toBe(total);
    expect(Object.keys(tallies).sort()).toEqual([...themes].sort());

    const db = new Database(path.join(t.server.dataDir, 'accord.sqlite'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM ballots').get()).toEqual({ n: 0 });
    db.close();
    // After close no dot can be placed, and nobody gets a refund.
    const late = await tabs[1]!.send({ type: 'removeDot', roundId: 'r1', itemId: themes[0]! });
    expect(late).toMatchObject({ ok: false, error: 'conflict' });
  }, 60_000);

  it('refuses removing a dot that was never placed (no refund)', async () => {
    const { created, facilitator, themes } = await votingBoard();
    await facilitator.send({
      type: 'openVoteRound',
      roundId: 'r1',
      label: 'R',
      dotsPerPerson: 2,
      maxPerItem: 2,
      facilitatorVotes: false,
      itemIds: null,
    });
    const alice = t.connect(created.boardId);
    await waitSynced(alice);
    expect(await alice.send({ type: 'removeDot', roundId: 'r1', itemId: themes[0]! })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    expect((await alice.send({ type: 'placeDot', roundId: 'r1', itemId: themes[0]! })).ok).toBe(true);
    expect((await alice.send({ type: 'placeDot', roundId: 'r1', itemId: themes[1]! })).ok).toBe(true);
    expect(await alice.send({ type: 'placeDot', roundId: 'r1', itemId: themes[2]! })).toMatchObject({
      ok: false,
      error: 'limit_reached',
    });
    expect((await alice.send({ type: 'removeDot', roundId: 'r1', itemId: themes[1]! })).ok).toBe(true);
    expect((await alice.send({ type: 'placeDot', roundId: 'r1', itemId: themes[2]! })).ok).toBe(true);
  });
});

describe('consensus rounds', () => {
  it('hides responses until close, then publishes counts and unattributed reasons, locks a passed revision, and deletes responses', async () => {
    const { created, facilitator, promptId } = await votingBoard();
    await facilitator.send({ type: 'setPhase', phase: 'decide' });
    const [ann, ben, cat] = [0, 1, 2].map(() => t.connect(created.boardId));
    await waitSynced(ann!, ben!, cat!);
    const open = (proposalId: string, statement: string, previousProposalId: string | null) =>
      facilitator.send({
        type: 'openProposal',
        proposalId,
        promptId,
        themeId: 't1',
        statement,
        rule: 'consensus',
        quorumPercent: 50,
        thresholdPercent: 50,
        previousProposalId,
      });
    expect((await open('p1', 'We meet between 9 and 10.', null)).ok).toBe(true);
    const barrier = 'BarrierReasonCanary: I take my children to school then.';
    expect((await ann!.send({ type: 'respond', proposalId: 'p1', response: 'agree', reason: null })).ok).toBe(true);
    expect(await ben!.send({ type: 'respond', proposalId: 'p1', response: 'block', reason: null })).toMatchObject({
      error: 'invalid_command',
    });
    expect((await ben!.send({ type: 'respond', proposalId: 'p1', response: 'block', reason: barrier })).ok).toBe(true);
    expect((await cat!.send({ type: 'respond', proposalId: 'p1', response: 'canLive', reason: null })).ok).toBe(true);
    await waitFor(() => facilitator.board().proposals.get('p1')?.respondentCount === 3);
    for (const client of [facilitator, ann!, cat!])
      expect(client.frames.some((f) => f.includes(Buffer.from('BarrierReasonCanary')))).toBe(false);

    expect((await facilitator.send({ type: 'closeProposal', proposalId: 'p1' })).ok).toBe(true);
    await waitFor(() => ann!.board().proposals.get('p1')?.status === 'failed');
    const outcome = ann!.board().proposals.get('p1')!.outcome!;
    expect(outcome.counts).toEqual({ agree: 1, canLive: 1, block: 1 });
    expect(outcome.reasons).toEqual([{ response: 'block', text: barrier }]);
    expect(JSON.stringify(outcome)).not.toMatch(/participant|secret/i);

    expect((await open('p2', 'We meet between 11 and 1.', 'p1')).ok).toBe(true);
    for (const person of [ann!, ben!, cat!])
      expect((await person.send({ type: 'respond', proposalId: 'p2', response: 'agree', reason: null })).ok).toBe(true);
    expect((await facilitator.send({ type: 'closeProposal', proposalId: 'p2' })).ok).toBe(true);
    await waitFor(() => cat!.board().agreements.size === 1, 5000, 'agreement');
    const item = [...cat!.board().agreements.values()][0]!;
    expect(item).toMatchObject({
      statement: 'We meet between 11 and 1.',
      status: 'locked',
      round: 2,
      rule: 'consensus',
      counts: { agree: 3, canLive: 0, block: 0 },
    });
    const db = new Database(path.join(t.server.dataDir, 'accord.sqlite'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM responses').get()).toEqual({ n: 0 });
    db.close();
  });

  it('never changes a round after its close was acknowledged, with 50 people × 20 responses racing the close', async () => {
    const { created, facilitator, promptId } = await votingBoard();
    await facilitator.send({ type: 'setPhase', phase: 'decide' });
    expect(
      (
        await facilitator.send({
          type: 'openProposal',
          proposalId: 'race',
          promptId,
          themeId: null,
          statement: 'We answer within two days.',
          rule: 'consent',
          quorumPercent: 0,
          thresholdPercent: 50,
          previousProposalId: null,
        })
      ).ok,
    ).toBe(true);
    const people = Array.from({ length: 50 }, () => randomToken(16));
    const tabs = people.flatMap((secret) => [
      t.connect(created.boardId, { participantSecret: secret }),
      t.connect(created.boardId, { participantSecret: secret }),
    ]);
    await waitSynced(...tabs);
    const random = seededRandom(11);
    const kinds = ['agree', 'canLive', 'block'] as const;
    const respondAll = () =>
      tabs.map((tab) => {
        const response = kinds[Math.floor(random() * 3)]!;
        return tab.send({ type: 'respond', proposalId: 'race', response, reason: response === 'block' ? 'a barrier' : null });
      });
    // Half the responses land; then the close races the other half.
    for (let k = 0; k < 5; k++) await Promise.all(respondAll());
    // The close races 300 more responses from every tab.
    const racing: Promise<{ ok: boolean }>[] = [];
    for (let k = 0; k < 2; k++) racing.push(...respondAll());
    const closeResult = facilitator.send({ type: 'closeProposal', proposalId: 'race' });
    for (let k = 0; k < 1; k++) racing.push(...respondAll());
    expect((await closeResult).ok).toBe(true);
    const outcomeAtClose = JSON.stringify(facilitator.board().proposals.get('race')?.outcome);
    await Promise.all(racing);
    // Once the close is acknowledged, nothing changes it: every later response is refused.
    const after = await Promise.all(respondAll());
    expect(after.every((r) => !r.ok)).toBe(true);
    await facilitator.send({ type: 'focusPrompt', promptId: null });
    expect(JSON.stringify(facilitator.board().proposals.get('race')?.outcome)).toBe(outcomeAtClose);
    const late = await tabs[0]!.send({ type: 'respond', proposalId: 'race', response: 'agree', reason: null });
    expect(late).toMatchObject({ ok: false, error: 'conflict' });
    const outcome = facilitator.board().proposals.get('race')!.outcome!;
    const counted = outcome.counts.agree + outcome.counts.canLive + outcome.counts.block;
    expect(counted).toBeLessThanOrEqual(50);
  }, 60_000);
});

describe('results from one or two people', () => {
  it('are not published until the facilitator confirms: no tally, outcome or reason reaches anyone before', async () => {
    const { created, facilitator, promptId } = await votingBoard();
    const [alice, bob, carol] = [0, 1, 2].map(() => t.connect(created.boardId));
    await waitSynced(alice!, bob!, carol!);
    const everyone = [facilitator, alice!, bob!, carol!];
    const opened = await facilitator.send({
      type: 'openVoteRound',
      roundId: 'r1',
      label: 'R',
      dotsPerPerson: 3,
      maxPerItem: 3,
      facilitatorVotes: false,
      itemIds: null,
    });
    expect(opened.ok).toBe(true);
    expect((await alice!.send({ type: 'placeDot', roundId: 'r1', itemId: 't1' })).ok).toBe(true);
    expect((await bob!.send({ type: 'placeDot', roundId: 'r1', itemId: 't2' })).ok).toBe(true);

    expect(await facilitator.send({ type: 'closeVoteRound', roundId: 'r1' })).toEqual({
      id: expect.any(String),
      ok: false,
      error: 'too_few_people',
      message: 'Only 2 people have voted: each of them could work out from the results where the other put their dots.',
      // The public count alone: nothing of whose dots are where.
      reason: 'smallVote',
      values: { voters: 2 },
    });
    await waitSynced(...everyone);
    for (const client of everyone) expect(client.board().voteRounds.get('r1')).toMatchObject({ status: 'open', tallies: null });
    const db = new Database(path.join(t.server.dataDir, 'accord.sqlite'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM ballots').get()).toEqual({ n: 2 });
    expect((await facilitator.send({ type: 'closeVoteRound', roundId: 'r1', confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => everyone.every((c) => c.board().voteRounds.get('r1')?.tallies !== null), 5000, 'tallies');
    expect(carol!.board().voteRounds.get('r1')?.tallies).toMatchObject({ t1: 1, t2: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM ballots').get()).toEqual({ n: 0 });

    expect((await facilitator.send({ type: 'setPhase', phase: 'decide' })).ok).toBe(true);
    const proposal = {
      type: 'openProposal',
      proposalId: 'p-small',
      promptId,
      themeId: 't1',
      statement: 'We meet at 11.',
      rule: 'consent',
      quorumPercent: 0,
      thresholdPercent: 50,
      previousProposalId: null,
    } as const;
    expect((await facilitator.send(proposal)).ok).toBe(true);
    const reason = 'canary-small-reason: I take my father to dialysis at 11.';
    expect((await alice!.send({ type: 'respond', proposalId: 'p-small', response: 'block', reason })).ok).toBe(true);
    expect(await facilitator.send({ type: 'closeProposal', proposalId: 'p-small' })).toMatchObject({
      ok: false,
      error: 'too_few_people',
    });
    await waitSynced(...everyone);
    for (const client of [facilitator, bob!, carol!]) {
      expect(client.board().proposals.get('p-small')).toMatchObject({ status: 'open', outcome: null });
      expect(framesContain(client.frames, 'canary-small-reason')).toBe(false);
    }
    expect(db.prepare('SELECT COUNT(*) AS n FROM responses').get()).toEqual({ n: 1 });
    expect((await facilitator.send({ type: 'closeProposal', proposalId: 'p-small', confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => framesContain(carol!.frames, 'canary-small-reason'), 5000, 'the published reason');
    expect(carol!.board().proposals.get('p-small')?.outcome?.counts).toEqual({ agree: 0, canLive: 0, block: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM responses').get()).toEqual({ n: 0 });
    db.close();
  });
});
