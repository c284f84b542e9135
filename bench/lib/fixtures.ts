import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { createBoardFromRequest } from '../../server/boardCreation';
import { hashSecret } from '../../server/auth';
import { setLogSink } from '../../server/log';
import { Room } from '../../server/room/Room';
import type { RoomMember } from '../../server/room/RoomMember';
import type { BoardStore } from '../../server/store/BoardStore';
import { PostgresStore } from '../../server/store/PostgresStore';
import { SqliteStore } from '../../server/store/SqliteStore';
import type { Command } from '../../shared/commands';
import type { Actor, BoardState } from '../../shared/domain/state';
import { sortedPrompts } from '../../shared/domain/state';
import { type CommandResult, MESSAGE_RESULT } from '../../shared/protocol';
import { randomId, randomToken, seededRandom } from '../../shared/random';
import type { Draft } from '../../shared/records/Draft';

/**
 * Boards for the benchmarks, built before the server under test starts: the real Room code runs
 * in this process against the data folder the server will open (group commits, snapshots and
 * all), without the per-connection rate limit that would make 20,000 moves take 17 minutes.
 */

const WORDS =
  'we meet keep time calls focus quiet morning afternoon reply chat email weekend trust ask help share notes agenda decide owner review kind clear short breaks lunch travel family late early camera async document handover'.split(
    ' ',
  );

/** A note-like text of 20–160 characters, from a seeded generator. */
function noteText(random: () => number): string {
  const target = 20 + Math.floor(random() * 140);
  let text = '';
  while (text.length < target) text += `${text ? ' ' : ''}${WORDS[Math.floor(random() * WORDS.length)]}`;
  return text.slice(0, 160).trim();
}

// The fixture builder runs server code in this process; its log lines are not wanted here.
setLogSink(() => {}, 'silent');

class FixtureMember implements RoomMember {
  readonly awarenessClientIds = new Set<number>();
  private readonly waiting = new Map<string, (result: CommandResult) => void>();
  constructor(
    readonly actor: Actor,
    readonly actorKey: string,
  ) {}
  send(frame: Uint8Array): void {
    if (frame[0] !== MESSAGE_RESULT) return;
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    const result = JSON.parse(new TextDecoder().decode(decoding.readVarUint8Array(decoder))) as CommandResult;
    this.waiting.get(result.id)?.(result);
    this.waiting.delete(result.id);
  }
  close(): void {}
  run(room: Room, command: Command): Promise<CommandResult> {
    const id = randomId().replace(/[^A-Za-z0-9_-]/g, '');
    const answered = new Promise<CommandResult>((resolve) => this.waiting.set(id, resolve));
    room.enqueue(this, { id, command });
    return answered;
  }
}

export interface Participant {
  readonly secret: string;
  readonly participantId: string;
}

export interface BoardFixture {
  readonly boardId: string;
  readonly joinCode: string;
  readonly facilitatorKey: string;
  /** The whole document as one update, for loading the same board into the reference server. */
  readonly docState: Uint8Array;
  readonly board: BoardState;
  readonly participants: readonly Participant[];
  /** Prompt left unrevealed with `pendingDrafts` drafts in it, if any. */
  readonly pendingPromptId: string | null;
  readonly roundId: string | null;
  readonly okMoves: number;
  /** Every unrevealed draft, as stored (the reference writer needs them to reveal the same notes). */
  readonly drafts: readonly Draft[];
}

export interface BoardSpec {
  readonly seed: number;
  /** Participants registered (with secrets the benchmark can AUTH with). */
  readonly participants: number;
  /** Revealed notes, spread evenly over the first `prompts` prompts of the template. */
  readonly notes: number;
  readonly prompts: number;
  readonly themesPerPrompt: number;
  /** Notes put into themes when the themes are created (per theme). */
  readonly notesPerTheme: number;
  /** Notes each author writes to a prompt before the next author takes over (default 20, the per-person limit). */
  readonly notesPerAuthor?: number;
  /** Drafts left pending (unrevealed) in one extra prompt. */
  readonly pendingDrafts?: number;
  /** Random note moves applied in the group phase (history). */
  readonly moves?: number;
  /** Moves per group commit while building history. */
  readonly movesPerCommit?: number;
  readonly finalPhase: 'share' | 'group' | 'vote' | 'reflect';
  readonly voteRound?: { readonly dotsPerPerson: number; readonly maxPerItem: number };
}

function check(result: CommandResult, what: string): void {
  if (!result.ok) throw new Error(`fixture: ${what} refused: ${result.error} ${result.message}`);
}

async function runAll(room: Room, jobs: readonly { member: FixtureMember; command: Command }[], what: string) {
  const results = await Promise.all(jobs.map((j) => j.member.run(room, j.command)));
  for (const result of results) check(result, what);
}

/** Opens (creating when needed) the store of a data folder; close it before the server starts. */
export function openStore(dataDir: string): SqliteStore {
  return new SqliteStore(dataDir);
}

/**
 * Opens (creating the schema when needed) a PostgreSQL store without a fence: the bench process is
 * the only writer until the cluster nodes start. Close it before they do.
 */
export function openPostgresStore(connectionString: string, schema: string): Promise<PostgresStore> {
  return PostgresStore.open({ connectionString, schema });
}

/** Builds one board as `spec` says and returns what the benchmark needs to drive it. */
export async function buildBoard(store: BoardStore, spec: BoardSpec): Promise<BoardFixture> {
  const random = seededRandom(spec.seed);
  const created = await createBoardFromRequest(store, {}, 'http://bench.invalid');
  if ('error' in created) throw new Error(created.message);
  const room = await Room.open(store, created.boardId, 500);
  if (!room) throw new Error('fixture: room did not open');
  const facilitator = new FixtureMember({ role: 'facilitator', participantId: null }, 'facilitator');
  const run = async (command: Command) => check(await facilitator.run(room, command), command.type);

  const participants: Participant[] = [];
  const members: FixtureMember[] = [];
  for (let i = 0; i < spec.participants; i++) {
    const secret = randomToken(16);
    const participantId = randomId();
    await store.addParticipant(created.boardId, participantId, hashSecret(secret), 1_000_000, Date.now());
    participants.push({ secret, participantId });
    members.push(new FixtureMember({ role: 'participant', participantId }, participantId));
  }
  const authorsNeeded = Math.ceil(spec.notes / Math.max(1, spec.prompts) / 20) + 1;
  if (members.length < Math.max(authorsNeeded, spec.pendingDrafts ? Math.ceil(spec.pendingDrafts / 20) : 0)) {
    throw new Error('fixture: not enough participants to write that many notes (20 per person per prompt)');
  }

  await run({ type: 'setPhase', phase: 'reflect' });
  const prompts = sortedPrompts(room.board);
  const revealed = prompts.slice(0, spec.prompts);
  const pendingPrompt = spec.pendingDrafts ? prompts[spec.prompts] : undefined;
  if (revealed.length < spec.prompts || (spec.pendingDrafts && !pendingPrompt)) throw new Error('fixture: too few prompts');

  const postJobs = (promptId: string, count: number) => {
    const jobs: { member: FixtureMember; command: Command }[] = [];
    for (let n = 0; n < count; n++) {
      const member = members[Math.floor(n / (spec.notesPerAuthor ?? 20)) % members.length] as FixtureMember;
      jobs.push({
        member,
        command: {
          type: 'postDraft',
          draftId: randomId(),
          promptId,
          text: noteText(random),
          tag: random() < 0.2 ? 'need' : null,
        },
      });
    }
    return jobs;
  };
  const perPrompt = Math.floor(spec.notes / Math.max(1, spec.prompts));
  for (const [i, prompt] of revealed.entries()) {
    const count = i === revealed.length - 1 ? spec.notes - perPrompt * (revealed.length - 1) : perPrompt;
    const jobs = postJobs(prompt.id, count);
    for (let start = 0; start < jobs.length; start += 200) await runAll(room, jobs.slice(start, start + 200), 'postDraft');
  }
  if (spec.finalPhase !== 'reflect') {
    await run({ type: 'setPhase', phase: 'share' });
    // A small fixture's prompt may hold one author's notes: the bench reveals them all the same.
    for (const prompt of revealed) await run({ type: 'reveal', promptId: prompt.id, confirmSmallCount: true });
  }
  if (pendingPrompt && spec.pendingDrafts) {
    const jobs = postJobs(pendingPrompt.id, spec.pendingDrafts);
    for (let start = 0; start < jobs.length; start += 200) await runAll(room, jobs.slice(start, start + 200), 'postDraft');
  }

  let okMoves = 0;
  if (spec.finalPhase === 'group' || spec.finalPhase === 'vote') {
    await run({ type: 'setPhase', phase: 'group' });
    for (const prompt of revealed) {
      for (let t = 0; t < spec.themesPerPrompt; t++) {
        const free = [...room.board.notes.values()].filter((n) => n.promptId === prompt.id && n.themeId === null);
        const noteIds = free.slice(0, spec.notesPerTheme).map((n) => n.id);
        await run({
          type: 'createTheme',
          themeId: randomId(),
          promptId: prompt.id,
          name: `Theme ${t + 1}`,
          noteIds,
          beforeThemeId: null,
        });
      }
    }
    const moves = spec.moves ?? 0;
    const chunk = spec.movesPerCommit ?? 10;
    const notesByPrompt = new Map(revealed.map((p) => [p.id, [...room.board.notes.values()].filter((n) => n.promptId === p.id)]));
    let attempts = 0;
    while (okMoves < moves && attempts < moves * 2) {
      const jobs: Promise<CommandResult>[] = [];
      for (let k = 0; k < Math.min(chunk, moves - okMoves); k++) {
        const prompt = revealed[Math.floor(random() * revealed.length)] as (typeof revealed)[number];
        const notes = notesByPrompt.get(prompt.id) ?? [];
        const note = notes[Math.floor(random() * notes.length)];
        if (!note) continue;
        const themes = [...room.board.themes.values()].filter((t) => t.promptId === prompt.id);
        const target = random() < 0.25 || themes.length === 0 ? null : (themes[Math.floor(random() * themes.length)]?.id ?? null);
        let beforeNoteId: string | null = null;
        if (random() < 0.5) {
          const there = notes.filter((n) => room.board.notes.get(n.id)?.themeId === target && n.id !== note.id);
          beforeNoteId = there[Math.floor(random() * there.length)]?.id ?? null;
        }
        jobs.push(facilitator.run(room, { type: 'moveNotes', noteIds: [note.id], themeId: target, beforeNoteId }));
      }
      attempts += jobs.length;
      for (const result of await Promise.all(jobs)) if (result.ok) okMoves += 1;
    }
  }
  let roundId: string | null = null;
  if (spec.finalPhase === 'vote') {
    await run({ type: 'setPhase', phase: 'vote' });
    if (spec.voteRound) {
      roundId = randomId();
      await run({
        type: 'openVoteRound',
        roundId,
        label: 'Bench round',
        dotsPerPerson: spec.voteRound.dotsPerPerson,
        maxPerItem: spec.voteRound.maxPerItem,
        facilitatorVotes: false,
        itemIds: null,
      });
    }
  }
  const docState = Y.encodeStateAsUpdate(room.doc);
  const board = room.board;
  room.close();
  const stored = await store.loadBoard(created.boardId);
  return {
    boardId: created.boardId,
    joinCode: created.joinCode,
    facilitatorKey: created.facilitatorKey,
    docState,
    board,
    participants,
    pendingPromptId: pendingPrompt?.id ?? null,
    roundId,
    okMoves,
    drafts: stored?.drafts ?? [],
  };
}
