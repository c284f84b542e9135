import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Room } from '../../server/room/Room';
import type { Command } from '../../shared/commands';
import { type BoardState, sortedPrompts } from '../../shared/domain/state';
import { isUndoableGrouping, undoOfGrouping } from '../../shared/domain/undoPlans';
import { seededRandom } from '../../shared/random';
import { boardJson, SimClient, seededRoom } from './harness';

/** Seeds run by `npm test`; the nightly script runs many more (SYNC_SEEDS=50000 npm run test:nightly). */
const SEEDS = Number(process.env.SYNC_SEEDS ?? 1000);
/** Seeds that once failed, kept as named cases. */
const REGRESSION_SEEDS: readonly number[] = [];

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** A grouping command a facilitator might send from its (possibly stale) view of the board. */
function randomGroupCommand(random: () => number, board: BoardState, n: number): Command | null {
  const prompt = pick(random, sortedPrompts(board));
  if (!prompt) return null;
  const notes = [...board.notes.values()].filter((note) => note.promptId === prompt.id);
  const themes = [...board.themes.values()].filter((theme) => theme.promptId === prompt.id);
  const roll = random();
  if (roll < 0.2 || themes.length === 0) {
    const picked = notes.filter(() => random() < 0.3).map((note) => note.id);
    return {
      type: 'createTheme',
      themeId: `t${n}`,
      promptId: prompt.id,
      name: `Theme ${n}`,
      noteIds: picked,
      beforeThemeId: pick(random, themes)?.id ?? null,
    };
  }
  if (roll < 0.65 && notes.length > 0) {
    const moving = notes.filter(() => random() < 0.25).map((note) => note.id);
    if (moving.length === 0) moving.push(pick(random, notes)!.id);
    const target = random() < 0.2 ? null : (pick(random, themes)?.id ?? null);
    const before = pick(
      random,
      notes.filter((note) => note.themeId === target && !moving.includes(note.id)),
    );
    return { type: 'moveNotes', noteIds: moving, themeId: target, beforeNoteId: random() < 0.5 ? (before?.id ?? null) : null };
  }
  const theme = pick(random, themes)!;
  if (roll < 0.75) return { type: 'renameTheme', themeId: theme.id, name: `Renamed ${n}` };
  if (roll < 0.85) return { type: 'moveTheme', themeId: theme.id, beforeThemeId: pick(random, themes)?.id ?? null };
  if (roll < 0.93 && themes.length > 1) {
    const target = pick(
      random,
      themes.filter((t) => t.id !== theme.id),
    )!;
    return { type: 'mergeThemes', sourceThemeId: theme.id, targetThemeId: target.id };
  }
  return { type: 'deleteTheme', themeId: theme.id };
}

async function runSeed(seed: number): Promise<void> {
  const random = seededRandom(seed);
  let ids = 0;
  const { store, room } = await seededRoom(`board${seed}`, 4, () => `id${seed}x${++ids}`);
  const clients = [
    new SimClient('fa', { role: 'facilitator', participantId: 'fa' }),
    new SimClient('fb', { role: 'facilitator', participantId: 'fb' }),
    new SimClient('pa', { role: 'participant', participantId: 'pa' }),
    new SimClient('pb', { role: 'participant', participantId: 'pb' }),
  ];
  for (const client of clients) client.connect(room);
  let commands = 0;
  for (let step = 0; step < 40; step++) {
    const client = pick(random, clients)!;
    const roll = random();
    if (roll < 0.45) {
      for (let i = Math.floor(random() * 4); i >= 0; i--) client.deliverOne(room);
    } else if (roll < 0.75) {
      // Participants try too; the server refuses them, which must change nothing.
      const board = client.board() ?? room.board;
      let command = randomGroupCommand(random, board, ++commands);
      // Sometimes the undo of such an action instead, built from this (possibly stale) view: it
      // finds the notes elsewhere (refused, nothing changed) or puts them somewhere; all converge.
      if (command && isUndoableGrouping(command) && random() < 0.2) {
        command = undoOfGrouping(board, command) ?? command;
      }
      if (command) client.send(room, command);
    } else if (roll < 0.85) {
      await room.idle();
    } else if (roll < 0.93) {
      client.disconnect(room);
    } else if (!client.isConnected) {
      client.connect(room);
    }
  }
  // Quiesce: everyone reconnects and reads everything.
  await room.idle();
  for (const client of clients) if (!client.isConnected) client.connect(room);
  for (let guard = 0; clients.some((c) => c.queued > 0) && guard < 10_000; guard++) {
    for (const client of clients) client.deliverOne(room);
    await room.idle();
  }
  const server = boardJson(room.board);
  const serverVector = Y.encodeStateVector(room.doc);
  for (const client of clients) {
    expect(boardJson(client.board()), `seed ${seed}: ${client.name} converged`).toBe(server);
    expect(Y.encodeStateVector(client.doc)).toEqual(serverVector);
  }
  // A board reloaded from storage equals the live one.
  room.close();
  const reloaded = await Room.open(store, room.id, 25);
  expect(boardJson(reloaded!.board), `seed ${seed}: reload`).toBe(server);
  expect(Y.encodeStateVector(reloaded!.doc)).toEqual(serverVector);
  reloaded!.close();
}

describe('convergence under random delivery order and disconnects', () => {
  it.each(REGRESSION_SEEDS)('regression seed %i', async (seed) => {
    await runSeed(seed);
  });

  it(`every client ends identical to the server, and the stored board to the live one (${SEEDS} seeds)`, async () => {
    for (let seed = 1; seed <= SEEDS; seed++) await runSeed(seed);
  }, 300_000);
});
