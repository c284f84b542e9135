import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sortedPrompts } from '../../shared/domain/state';
import { remainingMs } from '../../shared/domain/timerCommands';
import type { TestClient } from './helpers';
import { createBoard, framesContain, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

/** A board in the group phase with `count` revealed notes in its first prompt, two facilitators and a participant. */
async function groupingBoard(count: number) {
  const created = await createBoard(t.server);
  const f1 = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  const f2 = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  const alice = t.connect(created.boardId);
  const bob = t.connect(created.boardId);
  await waitSynced(f1, f2, alice, bob);
  const promptId = sortedPrompts(f1.board())[0]!.id;
  await f1.send({ type: 'setPhase', phase: 'reflect' });
  for (let i = 0; i < count; i++) {
    const author = i % 2 === 0 ? alice : bob;
    expect(
      (await author.send({ type: 'postDraft', draftId: `d${i}`, promptId, text: `note ${i}`, tag: i % 3 === 0 ? 'need' : null }))
        .ok,
    ).toBe(true);
  }
  await f1.send({ type: 'setPhase', phase: 'share' });
  // Two writers: revealing is the facilitator's explicit call.
  await f1.send({ type: 'reveal', promptId, confirmSmallCount: true });
  await f1.send({ type: 'setPhase', phase: 'group' });
  await waitFor(() => [f1, f2, alice, bob].every((c) => c.board().notes.size === count && c.board().meta.phase === 'group'));
  const noteIds = [...f1.board().notes.values()].sort((a, b) => (a.order < b.order ? -1 : 1)).map((n) => n.id);
  return { created, f1, f2, alice, bob, promptId, noteIds };
}

function snapshot(client: TestClient) {
  const board = client.board();
  return JSON.stringify({
    notes: [...board.notes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    themes: [...board.themes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  });
}

describe('clustering with two facilitators', () => {
  it('converges for everyone when both move, merge and rename at the same time', async () => {
    const { f1, f2, alice, bob, promptId, noteIds } = await groupingBoard(12);
    await Promise.all([
      f1.send({
        type: 'createTheme',
        themeId: 'care',
        promptId,
        name: 'Care duties',
        noteIds: noteIds.slice(0, 3),
        beforeThemeId: null,
      }),
      f2.send({
        type: 'createTheme',
        themeId: 'health',
        promptId,
        name: 'Health',
        noteIds: noteIds.slice(3, 6),
        beforeThemeId: null,
      }),
    ]);
    // Both grab the same note at once and drop it in different themes; and they move other notes concurrently.
    const results = await Promise.all([
      f1.send({ type: 'moveNotes', noteIds: [noteIds[6]!], themeId: 'care', beforeNoteId: null }),
      f2.send({ type: 'moveNotes', noteIds: [noteIds[6]!], themeId: 'health', beforeNoteId: null }),
      f1.send({ type: 'moveNotes', noteIds: [noteIds[7]!, noteIds[8]!], themeId: 'health', beforeNoteId: noteIds[3]! }),
      f2.send({ type: 'renameTheme', themeId: 'care', name: 'Caring for family' }),
      f2.send({ type: 'moveTheme', themeId: 'health', beforeThemeId: 'care' }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const merged = await Promise.all([
      f1.send({ type: 'mergeThemes', sourceThemeId: 'health', targetThemeId: 'care' }),
      f2.send({ type: 'moveNotes', noteIds: [noteIds[9]!], themeId: 'health', beforeNoteId: null }),
    ]);
    // Whichever came second either succeeded or was refused cleanly; never a half-applied state.
    expect(merged.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    const everyone = [f1, f2, alice, bob];
    await waitFor(() => new Set(everyone.map(snapshot)).size === 1, 5000, 'convergence');
    const board = alice.board();
    for (const note of board.notes.values()) {
      if (note.themeId !== null) expect(board.themes.has(note.themeId)).toBe(true);
    }
    expect(board.themes.get('care')?.name).toBe('Caring for family');
    const states = everyone.map((c) => Buffer.from(Y.encodeStateAsUpdate(c.connection.doc)).toString('base64'));
    expect(new Set(states).size).toBe(1);
  });

  it('refuses grouping from a participant and changes nothing', async () => {
    const { f1, alice, promptId, noteIds } = await groupingBoard(4);
    const before = snapshot(f1);
    const refused = await Promise.all([
      alice.send({ type: 'createTheme', themeId: 't', promptId, name: 'Mine', noteIds: [noteIds[0]!], beforeThemeId: null }),
      alice.send({ type: 'moveNotes', noteIds: [noteIds[1]!], themeId: null, beforeNoteId: noteIds[0]! }),
      alice.send({ type: 'startTimer', durationMs: 60_000 }),
    ]);
    expect(refused.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['forbidden', 'forbidden', 'forbidden']);
    await f1.send({ type: 'focusPrompt', promptId });
    expect(snapshot(f1)).toBe(before);
  });
});

describe('timer', () => {
  it('is the same for everyone and survives a reconnect', async () => {
    const { f1, alice } = await groupingBoard(0);
    expect((await f1.send({ type: 'startTimer', durationMs: 5 * 60_000 })).ok).toBe(true);
    await waitFor(() => alice.board().meta.timer !== null);
    const timer = alice.board().meta.timer;
    const left = remainingMs(timer, Date.now(), alice.connection.clockOffsetMs);
    expect(left).toBeGreaterThan(4 * 60_000);
    // The clock offset is measured over one message, so it is off by up to that message's latency.
    expect(left).toBeLessThanOrEqual(5 * 60_000 + 1000);
    alice.connection.disconnect();
    expect((await f1.send({ type: 'addTime', ms: 60_000 })).ok).toBe(true);
    alice.connection.connect();
    await waitFor(() => alice.board().meta.timer?.endsAt === f1.board().meta.timer?.endsAt, 5000, 'timer after reconnect');
    expect(alice.board().meta.timer?.endsAt).toBe((timer?.endsAt ?? 0) + 60_000);
    expect(remainingMs(alice.board().meta.timer, Date.now(), alice.connection.clockOffsetMs)).toBeGreaterThan(5 * 60_000);
  });

  it('shows the same remaining time on a client whose clock is wrong by an hour', () => {
    const serverNow = 1_800_000_000_000;
    const timer = { endsAt: serverNow + 90_000 };
    // The client measured server time minus its own time at welcome.
    for (const skew of [-3_600_000, 0, 3_600_000]) {
      const localNow = serverNow + skew;
      expect(remainingMs(timer, localNow, serverNow - localNow)).toBe(90_000);
    }
    expect(remainingMs(timer, serverNow + 120_000, 0)).toBe(0);
    expect(remainingMs(null, serverNow, 0)).toBe(0);
    // An offset that errs by a message's latency never shows more than the timer's length.
    expect(remainingMs({ endsAt: serverNow + 60_000, durationMs: 60_000 }, serverNow - 300, 0)).toBe(60_000);
  });
});

describe('drag previews', () => {
  it('relays a facilitator’s drag preview and drops a participant’s', async () => {
    const { f1, alice, bob, noteIds } = await groupingBoard(2);
    f1.connection.provider.awareness.setLocalState({ user: { name: 'Fran' }, drag: { noteIds: [noteIds[0]], x: 100, y: 50 } });
    alice.connection.provider.awareness.setLocalState({
      user: { name: 'Al' },
      drag: { noteIds: [noteIds[1]], x: 1, y: 2 },
      cursor: { x: 3, y: 4 },
    });
    const seen = () => new Map(bob.connection.provider.awareness.getStates());
    await waitFor(() => seen().has(f1.connection.doc.clientID) && seen().has(alice.connection.doc.clientID), 5000, 'presence');
    expect(seen().get(f1.connection.doc.clientID)).toEqual({
      user: { name: 'Fran', role: 'facilitator' },
      drag: { noteIds: [noteIds[0]], x: 100, y: 50 },
    });
    expect(seen().get(alice.connection.doc.clientID)).toEqual({ user: { name: 'Al', role: 'participant' } });
    expect(framesContain(bob.frames, '"cursor":{"x":3')).toBe(false);
  });
});
