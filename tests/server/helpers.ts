import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { BoardConnection, type BoardConnectionOptions } from '../../client/src/sync/BoardConnection';
import { type RunningServer, startServer } from '../../server/AccordServer';
import type { CreatedBoard } from '../../server/api';
import { hashSecret, joinTokenFor } from '../../server/auth';
import { configFromEnv } from '../../server/config';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import type { DocChange } from '../../shared/domain/changes';
import { createBoard as createBoardChanges } from '../../shared/domain/createBoard';
import type { BoardState } from '../../shared/domain/state';
import { sortedPrompts } from '../../shared/domain/state';
import { keysBetween } from '../../shared/fractionalIndex';
import type { Phase } from '../../shared/phases';
import {
  type AuthMessage,
  decodeJsonBody,
  encodeAuth,
  MESSAGE_PRIVATE,
  PROTOCOL_VERSION,
  type PrivateMessage,
} from '../../shared/protocol';
import { randomId, randomJoinCode, randomToken } from '../../shared/random';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';

/** A real server on port 0 with its own data folder. */
export interface TestServer extends RunningServer {
  readonly dataDir: string;
  readonly wsUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-test-'));
  const running = await startServer(configFromEnv({ PORT: '0', DATA_DIR: dataDir, ...env }));
  return {
    ...running,
    dataDir,
    wsUrl: `${running.url.replace('http', 'ws')}/ws`,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Join tokens of the boards this process created through the helpers, so that a test's
 * participants join as people do: with proof of the join code (tests of joining pass their own).
 */
const joinTokens = new Map<string, string>();

/** The join token `GET /api/join/:code` answers, as a person's browser gets it. */
export async function fetchJoinToken(server: { url: string }, joinCode: string): Promise<string> {
  const res = await fetch(`${server.url}/api/join/${joinCode}`);
  if (res.status !== 200) throw new Error(`join: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { joinToken: string }).joinToken;
}

export async function createBoard(server: { url: string }, body: object = {}): Promise<CreatedBoard> {
  const res = await fetch(`${server.url}/api/boards`, { method: 'POST', body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as CreatedBoard;
  joinTokens.set(created.boardId, await fetchJoinToken(server, created.joinCode));
  return created;
}

/** The join token the helpers hold for a board (undefined for boards they did not create). */
export function joinTokenOf(boardId: string): string | undefined {
  return joinTokens.get(boardId);
}

/** Every frame a `ws` client receives, in order (raw bytes, as the network delivered them). */
export type FrameLog = Buffer[];

/** A `ws` WebSocket class that records every frame it receives into `log`. */
export function recordingWebSocket(log: FrameLog): unknown {
  return class RecordingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer) => log.push(Buffer.from(data)));
    }
  };
}

/** A real client: BoardConnection (WebsocketProvider) over `ws`, recording what it receives. */
export interface TestClient {
  readonly connection: BoardConnection;
  readonly frames: FrameLog;
  readonly secret: string | undefined;
  board(): BoardState;
  send(command: Command, id?: string): ReturnType<BoardConnection['send']>;
  close(): void;
}

export function connectClient(
  server: { wsUrl: string },
  boardId: string,
  opts: {
    facilitatorKey?: string;
    readerKey?: string;
    participantSecret?: string | null;
    /** Default: the token of a board the helpers created; null sends none. */
    joinToken?: string | null;
    /** How refusals read to this person (the page passes client/src/i18n/refusalText.ts). */
    sayRefusal?: BoardConnectionOptions['sayRefusal'];
  } = {},
): TestClient {
  const frames: FrameLog = [];
  const secret = opts.participantSecret === null ? undefined : (opts.participantSecret ?? randomToken(16));
  const joinToken = opts.joinToken === null ? undefined : (opts.joinToken ?? joinTokens.get(boardId));
  const connection = new BoardConnection({
    serverUrl: server.wsUrl,
    boardId,
    ...(secret ? { participantSecret: secret } : {}),
    ...(joinToken ? { joinToken } : {}),
    ...(opts.facilitatorKey ? { facilitatorKey: opts.facilitatorKey } : {}),
    ...(opts.readerKey ? { readerKey: opts.readerKey } : {}),
    ...(opts.sayRefusal ? { sayRefusal: opts.sayRefusal } : {}),
    WebSocketPolyfill: recordingWebSocket(frames) as unknown as typeof globalThis.WebSocket,
  });
  return {
    connection,
    frames,
    secret,
    board() {
      const board = readBoard(connection.doc);
      if (!board) throw new Error('client has no board yet');
      return board;
    },
    send: (command, id) => connection.send(command, id),
    close: () => connection.destroy(),
  };
}

/** Resolves once `predicate` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function waitSynced(...clients: TestClient[]): Promise<void> {
  await waitFor(() => clients.every((c) => c.connection.isSynced && c.connection.status === 'online'), 5000, 'clients to sync');
}

/** A bare socket for sending hand-made frames; records frames and the close code. */
export interface RawSocket {
  readonly ws: WebSocket;
  readonly frames: Buffer[];
  readonly closed: Promise<{ code: number; reason: string }>;
  sendFrame(bytes: Uint8Array | Buffer | string): void;
}

export async function openRaw(
  server: { wsUrl: string },
  boardId: string,
  headers: Record<string, string> = {},
  options: { perMessageDeflate?: boolean } = {},
): Promise<RawSocket> {
  const ws = new WebSocket(`${server.wsUrl}/${boardId}`, { headers, ...options });
  const frames: Buffer[] = [];
  ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    closed,
    sendFrame(bytes) {
      if (ws.readyState === WebSocket.OPEN) ws.send(bytes);
    },
  };
}

/** Opens a raw socket and authenticates it (as a new participant with the helpers' join token unless `auth` says otherwise). */
export async function openAuthenticated(
  server: { wsUrl: string },
  boardId: string,
  auth: Partial<AuthMessage> = {},
  headers: Record<string, string> = {},
): Promise<RawSocket> {
  const raw = await openRaw(server, boardId, headers);
  const joinToken = joinTokens.get(boardId);
  raw.sendFrame(
    encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), ...(joinToken ? { joinToken } : {}), ...auth }),
  );
  await waitFor(() => raw.frames.length > 0, 5000, 'welcome');
  return raw;
}

/** Builds a frame: varuint type, then the given body bytes written as they are. */
export function frame(type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** True when `needle` (UTF-8) occurs in any of the frames. */
export function framesContain(frames: readonly Buffer[], needle: string): boolean {
  const bytes = Buffer.from(needle, 'utf8');
  return frames.some((f) => f.includes(bytes));
}

/**
 * Registers beforeEach/afterEach hooks that give every test a fresh server on port 0 and close
 * every client it connected, then the server. Use `t.server` inside tests.
 */
export function useTestServer(env: Record<string, string> = {}) {
  let current: TestServer | null = null;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    current = await startTestServer(env);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await current?.stop();
    current = null;
  });
  return {
    get server(): TestServer {
      if (!current) throw new Error('no test server running');
      return current;
    },
    /** A client that is closed after the test. */
    connect(boardId: string, opts: Parameters<typeof connectClient>[2] = {}): TestClient {
      const client = connectClient(this.server, boardId, opts);
      clients.push(client);
      return client;
    },
    /** Replaces this test's server by one with other settings. */
    async restart(nextEnv: Record<string, string>): Promise<void> {
      await current?.stop();
      current = await startTestServer(nextEnv);
    },
  };
}

/**
 * Creates a board straight in the server's store, already in `phase` with `notesPerPrompt`
 * revealed notes of `noteChars` characters in each prompt (for tests that need a big document
 * without thousands of commands).
 */
export async function seedBoard(
  server: TestServer,
  opts: { phase?: Phase; notesPerPrompt?: number; noteChars?: number } = {},
): Promise<{ boardId: string; facilitatorKey: string; readerKey: string; promptIds: string[] }> {
  const boardId = randomId();
  const facilitatorKey = randomToken(24);
  const readerKey = randomToken(24);
  const doc = new Y.Doc();
  const changes = createBoardChanges({ boardId, template: WORKING_AGREEMENT_QUESTIONNAIRE, now: Date.now(), newId: randomId });
  applyDocChanges(doc, changes, 'seed');
  const board = readBoard(doc)!;
  const promptIds = sortedPrompts(board).map((p) => p.id);
  const notes: DocChange[] = [];
  for (const promptId of promptIds) {
    const keys = keysBetween(null, null, opts.notesPerPrompt ?? 0);
    keys.forEach((order, i) => {
      const text = `note ${i} `.padEnd(opts.noteChars ?? 20, 'x');
      notes.push({ type: 'putNote', note: { id: randomId(), promptId, text, tag: null, themeId: null, order, author: null } });
    });
    notes.push({ type: 'patchPrompt', id: promptId, fields: { isRevealed: (opts.notesPerPrompt ?? 0) > 0 } });
  }
  notes.push({ type: 'setMeta', fields: { phase: opts.phase ?? 'setup' } });
  applyDocChanges(doc, notes, 'seed');
  const row = {
    id: boardId,
    joinCode: randomJoinCode(),
    facilitatorKeyHash: hashSecret(facilitatorKey),
    readerKeyHash: hashSecret(readerKey),
    createdAt: Date.now(),
  };
  await server.store.createBoard(row, Y.encodeStateAsUpdate(doc));
  joinTokens.set(boardId, joinTokenFor(row));
  return { boardId, facilitatorKey, readerKey, promptIds };
}

/** Every private message a client received, in order. */
export function privateMessages(client: TestClient): PrivateMessage[] {
  return client.frames
    .filter((f) => f[0] === MESSAGE_PRIVATE)
    .map((f) => {
      const decoder = decoding.createDecoder(new Uint8Array(f));
      decoding.readVarUint(decoder);
      return decodeJsonBody(decoder) as PrivateMessage;
    });
}

/** The last private slice a client received. */
export function lastSlice(client: TestClient): Extract<PrivateMessage, { type: 'slice' }> | undefined {
  return privateMessages(client)
    .filter((m): m is Extract<PrivateMessage, { type: 'slice' }> => m.type === 'slice')
    .at(-1);
}
