import { rmSync } from 'node:fs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardConnection } from '../../client/src/sync/BoardConnection';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { type BoardFixture, buildBoard, openStore } from '../lib/fixtures';
import { EMPTY_STATE_VECTOR, LightClient } from '../lib/lightClient';
import { type BenchContext, ratioOf, type WorkloadRow } from '../lib/report';
import { makeDataDir, type ServerUnderTest, startAccord, startReference } from '../lib/servers';
import { percentile, round, sleep, until } from '../lib/stats';
import { ReferenceWriter } from '../lib/writers';

const PAIRS = 3;
const RECONNECTS = 100;
/** Light clients with nothing joining at once, as at the start of a workshop (reported in the log). */
const COLD_BURST = 50;
/** Compressing the document costs CPU, but a burst of cold joins must cost no more than the reference relaying it plain. */
const BURST_CPU_TARGET_RATIO = 1;

interface ByteCounter {
  /** Payload bytes of the messages received, as the application reads them (inflated). */
  bytes: number;
  frames: number;
  /** Bytes read from the TCP socket since the handshake: frame headers and payloads, compressed where negotiated. */
  wireBytes(): number;
}

/**
 * Counts every byte a y-websocket client receives. It offers permessage-deflate as a browser
 * does (the reference's ws 6 server leaves it off; Accord compresses frames of at least
 * DEFLATE_THRESHOLD_BYTES).
 */
function countingWebSocket(counter: ByteCounter) {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer | ArrayBuffer) => {
        counter.bytes += data.byteLength;
        counter.frames += 1;
      });
      this.once('open', () => {
        // No frame comes before the client speaks, so everything read from here on is frames.
        const socket = (this as unknown as { _socket: { bytesRead: number } })._socket;
        const atOpen = socket.bytesRead;
        counter.wireBytes = () => socket.bytesRead - atOpen;
      });
    }
  };
}

interface ColdJoin {
  readonly ms: number;
  /** Bytes on the wire after the handshake. */
  readonly bytes: number;
  /** Payload bytes as delivered (inflated). */
  readonly payloadBytes: number;
  readonly frames: number;
}

let coldJoins = 0;

/**
 * One full client with no local state joins and syncs; time and bytes until synced. On Accord it
 * is a person of the fixture (a browser secret the board knows): new seats need the join code and
 * are rate-limited per address, which would measure the limit instead of the join.
 */
async function coldJoin(server: ServerUnderTest, target: string, fixture: BoardFixture): Promise<ColdJoin> {
  const counter: ByteCounter = { bytes: 0, frames: 0, wireBytes: () => 0 };
  const WebSocketPolyfill = countingWebSocket(counter) as unknown as typeof globalThis.WebSocket;
  const start = performance.now();
  if (server.kind === 'accord') {
    const connection = new BoardConnection({
      serverUrl: server.wsBase,
      boardId: target,
      participantSecret: fixture.participants[coldJoins++ % fixture.participants.length]?.secret ?? randomToken(16),
      WebSocketPolyfill,
    });
    try {
      await until(() => connection.isSynced && connection.status === 'online', 30_000, 'cold join', 1);
      const ms = performance.now() - start;
      return { ms, ...(await settledBytes(counter)) };
    } finally {
      connection.destroy();
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsBase, target, doc, { disableBc: true, WebSocketPolyfill });
  try {
    await until(() => provider.synced, 30_000, 'cold join', 1);
    const ms = performance.now() - start;
    if (Y.encodeStateVector(doc).length !== Y.encodeStateVectorFromUpdate(fixture.docState).length)
      throw new Error('reference join: wrong document');
    return { ms, ...(await settledBytes(counter)) };
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** Bytes after the connection has been quiet for a moment (so late handshake frames count too). */
async function settledBytes(counter: ByteCounter) {
  await sleep(150);
  return { bytes: counter.wireBytes(), payloadBytes: counter.bytes, frames: counter.frames };
}

/**
 * Workload 4, join: a board of 2,000 notes with 20,000 moves of history. Cold joins (a real
 * client with no local state, until synced; one at a time), then 100 clients that already hold
 * the document reconnecting at once with their state vectors (light clients), and the bytes a
 * cold join receives. The reference holds the same document, uploaded by a writer.
 */
export async function join(ctx: BenchContext): Promise<WorkloadRow[]> {
  const notes = ctx.quick ? 500 : 2000;
  const moves = ctx.quick ? 5000 : 20_000;
  const coldPerPair = ctx.quick ? 4 : 7;
  const dataDir = makeDataDir();
  const store = openStore(dataDir);
  const built = performance.now();
  const fixture = await buildBoard(store, {
    seed: 40,
    // Other people in each pair: a person may ask for the document SYNC_REQUEST_BURST times, then
    // once every 10 s (shared/limits.ts), and three pairs of storms would ask more often than that.
    participants: Math.max(RECONNECTS * PAIRS, Math.ceil(notes / 7 / 20) + 2),
    notes,
    prompts: 7,
    themesPerPrompt: 8,
    notesPerTheme: 5,
    moves,
    finalPhase: 'group',
  });
  await store.close();
  ctx.log(
    `  board: ${fixture.board.notes.size} notes, ${fixture.okMoves} moves of history, document ${Math.round(fixture.docState.length / 1024)} KiB (built in ${Math.round((performance.now() - built) / 1000)} s)`,
  );
  const accord = await startAccord({ dataDir, nodeArgs: ctx.accordNodeArgs });
  const reference = await startReference();
  const room = 'join';
  const rows: WorkloadRow[] = [];
  try {
    // First join: Accord opens the room from SQLite (snapshot + log); the reference gets the upload.
    let start = performance.now();
    const first = await coldJoin(accord, fixture.boardId, fixture);
    const firstMs = performance.now() - start;
    const writer = await ReferenceWriter.open(reference.wsBase, room, fixture.docState);
    start = performance.now();
    await coldJoin(reference, room, fixture);
    ctx.log(`  first join (Accord loads the room from SQLite): ${round(firstMs, 1)} ms, ${first.bytes} bytes`);
    ctx.detail('join', 'first', { ms: round(firstMs, 1), bytes: first.bytes });

    const cold: Record<ServerUnderTest['kind'], ColdJoin[]> = { accord: [], reference: [] };
    const storms: Record<ServerUnderTest['kind'], number[]> = { accord: [], reference: [] };
    const burstCpu: Record<ServerUnderTest['kind'], number[]> = { accord: [], reference: [] };
    const stateVector = Y.encodeStateVectorFromUpdate(fixture.docState);
    for (let pair = 0; pair < PAIRS; pair++) {
      for (const server of [reference, accord]) {
        const target = server.kind === 'accord' ? fixture.boardId : room;
        const joins: ColdJoin[] = [];
        for (let i = 0; i < coldPerPair; i++) joins.push(await coldJoin(server, target, fixture));
        cold[server.kind].push(...joins);
        await server.stats();
        const people = pair * RECONNECTS;
        const storm = await reconnectStorm(server, target, fixture, stateVector, RECONNECTS, { firstParticipant: people });
        const stats = await server.stats();
        const burst = await reconnectStorm(server, target, fixture, EMPTY_STATE_VECTOR, COLD_BURST, { firstParticipant: people });
        const burstStats = await server.stats();
        // The same burst from clients that offer permessage-deflate, as browsers do (other people, so
        // that nobody runs out of sync requests).
        const deflated = await reconnectStorm(server, target, fixture, EMPTY_STATE_VECTOR, COLD_BURST, {
          offerDeflate: true,
          firstParticipant: people + COLD_BURST,
        });
        const deflatedStats = await server.stats();
        storms[server.kind].push(storm.allMs);
        burstCpu[server.kind].push(deflatedStats.cpuMs);
        ctx.detail('join', `${server.kind}/${pair}/coldBurst`, {
          allMs: burst.allMs,
          serverCpuMs: burstStats.cpuMs,
          deflateOffered: { allMs: deflated.allMs, serverCpuMs: deflatedStats.cpuMs, bytesEach: deflated.bytesEach },
        });
        ctx.log(
          `  ${server.kind.padEnd(9)} pair ${pair + 1}: cold joins ${joins.map((j) => round(j.ms, 0)).join(' ')} ms (${joins[0]?.bytes} bytes on the wire, ${joins[0]?.payloadBytes} delivered); ${RECONNECTS} reconnects all synced in ${round(storm.allMs, 0)} ms (p50 ${round(storm.p50, 0)}), ${Math.round(storm.bytesEach)} bytes each, server CPU ${round(stats.cpuMs, 0)} ms; ${COLD_BURST} cold light joins at once all synced in ${round(burst.allMs, 0)} ms, server CPU ${round(burstStats.cpuMs, 0)} ms; offering deflate: ${round(deflated.allMs, 0)} ms, ${Math.round(deflated.bytesEach)} bytes each, server CPU ${round(deflatedStats.cpuMs, 0)} ms`,
        );
        await sleep(300);
      }
    }
    writer.close();
    const coldP95 = (kind: ServerUnderTest['kind']) =>
      round(
        percentile(
          cold[kind].map((j) => j.ms),
          95,
        ),
        1,
      );
    const stormMax = (kind: ServerUnderTest['kind']) => round(Math.max(...storms[kind]), 0);
    const bytes = (kind: ServerUnderTest['kind']) =>
      percentile(
        cold[kind].map((j) => j.bytes),
        50,
      );
    const burstCpuMedian = (kind: ServerUnderTest['kind']) => round(percentile(burstCpu[kind], 50), 0);
    const bytesRatio = Math.round((bytes('accord') / bytes('reference')) * 10_000) / 10_000;
    rows.push(
      {
        name: `4 join, cold (${notes} notes, ${Math.round(fixture.okMoves / 1000)}k moves)`,
        metric: `p95 new full client connect → synced (${PAIRS} × ${coldPerPair} joins)`,
        unit: 'ms',
        ours: coldP95('accord'),
        reference: coldP95('reference'),
        ratio: ratioOf(coldP95('accord'), coldP95('reference')),
        target: '≤ 150 ms',
        pass: coldP95('accord') <= 150,
      },
      {
        name: `4 join, ${RECONNECTS} simultaneous reconnects`,
        metric: `connect → all synced, with state vectors (worst of ${PAIRS})`,
        unit: 'ms',
        ours: stormMax('accord'),
        reference: stormMax('reference'),
        ratio: ratioOf(stormMax('accord'), stormMax('reference')),
        target: '≤ 2000 ms',
        pass: stormMax('accord') <= 2000,
      },
      {
        name: '4 join, bytes sent',
        metric: 'bytes a cold join receives on the wire (all frames after the handshake; the client offers permessage-deflate)',
        unit: 'bytes',
        ours: bytes('accord'),
        reference: bytes('reference'),
        ratio: bytesRatio,
        target: '≤ 0.5 × reference',
        pass: bytesRatio <= 0.5,
      },
      {
        name: `4 join, ${COLD_BURST} simultaneous cold joins, server CPU`,
        metric: `server CPU while ${COLD_BURST} light clients offering permessage-deflate join with nothing (median of ${PAIRS})`,
        unit: 'ms',
        ours: burstCpuMedian('accord'),
        reference: burstCpuMedian('reference'),
        ratio: ratioOf(burstCpuMedian('accord'), burstCpuMedian('reference')),
        target: `≤ ${BURST_CPU_TARGET_RATIO} × reference`,
        pass: burstCpuMedian('accord') <= BURST_CPU_TARGET_RATIO * burstCpuMedian('reference'),
      },
    );
  } finally {
    await accord.stop();
    await reference.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** `count` light clients with `stateVector` (the whole document's, or empty) connect at once. */
async function reconnectStorm(
  server: ServerUnderTest,
  target: string,
  fixture: BoardFixture,
  stateVector: Uint8Array,
  count = RECONNECTS,
  options: { offerDeflate?: boolean; firstParticipant?: number } = {},
) {
  const start = performance.now();
  const clients = Array.from({ length: count }, (_, i) => {
    const participant = fixture.participants[((options.firstParticipant ?? 0) + i) % fixture.participants.length];
    return new LightClient({
      url: `${server.wsBase}/${target}`,
      stateVector,
      offerDeflate: options.offerDeflate ?? false,
      ...(server.kind === 'accord' && participant
        ? { auth: { v: PROTOCOL_VERSION, participantSecret: participant.secret } }
        : {}),
    });
  });
  await Promise.all(clients.map((c) => c.opened.then(() => c.whenSynced(30_000))));
  const synced = clients.map((c) => (c.syncedAt as number) - start);
  await sleep(100);
  const bytesEach = clients.reduce((n, c) => n + c.bytesReceived, 0) / clients.length;
  for (const c of clients) c.close();
  return { allMs: Math.max(...synced), p50: percentile(synced, 50), bytesEach };
}
