import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardConnection } from '../../client/src/sync/BoardConnection';
import { boardRoots } from '../../shared/boardDoc';
import { randomToken } from '../../shared/random';
import { until } from './stats';

/** `ws` for y-websocket in Node, offering permessage-deflate (as browsers do) or not. */
const socketWith = (perMessageDeflate: boolean) =>
  class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { perMessageDeflate });
    }
  } as unknown as typeof globalThis.WebSocket;
const SOCKETS = { plain: socketWith(false), deflate: socketWith(true) };

/** The socket class a probe uses: permessage-deflate off like every other bench socket, unless offered. */
const socketClass = (offerDeflate = false) => (offerDeflate ? SOCKETS.deflate : SOCKETS.plain);

/**
 * A full client: a real WebsocketProvider that applies every update to its own Y.Doc. Accord
 * probes are the real client (BoardConnection); reference probes are a bare WebsocketProvider.
 */
export interface Probe {
  readonly doc: Y.Doc;
  readonly connectedAt: number;
  isSynced(): boolean;
  close(): void;
}

export function accordProbe(
  wsBase: string,
  boardId: string,
  auth: { participantSecret?: string; facilitatorKey?: string } = {},
  offerDeflate = false,
): Probe {
  const connectedAt = performance.now();
  const connection = new BoardConnection({
    serverUrl: wsBase,
    boardId,
    participantSecret: auth.participantSecret ?? randomToken(16),
    ...(auth.facilitatorKey ? { facilitatorKey: auth.facilitatorKey } : {}),
    WebSocketPolyfill: socketClass(offerDeflate),
  });
  return {
    doc: connection.doc,
    connectedAt,
    isSynced: () => connection.isSynced && connection.status === 'online',
    close: () => connection.destroy(),
  };
}

export function referenceProbe(wsBase: string, room: string, doc: Y.Doc = new Y.Doc(), offerDeflate = false): Probe {
  const connectedAt = performance.now();
  const provider = new WebsocketProvider(wsBase, room, doc, {
    disableBc: true,
    WebSocketPolyfill: socketClass(offerDeflate),
  });
  return {
    doc,
    connectedAt,
    isSynced: () => provider.synced,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function whenProbesSynced(probes: readonly Probe[], timeoutMs = 30_000): Promise<void> {
  await until(() => probes.every((p) => p.isSynced()), timeoutMs, 'probes to sync', 10);
}

/**
 * Measures, at one probe, the time from a note move being sent to its effect being applied to
 * the probe's document: a move is applied when the note's `themeId` equals the target (every
 * planned move changes it, so re-keying of neighbours can never be mistaken for it).
 */
export class MoveTracker {
  readonly latencies: number[] = [];
  private readonly pending = new Map<string, { themeId: string | null; sentAt: number; record: boolean }>();
  lost = 0;

  constructor(private readonly probe: Probe) {
    const notes = boardRoots(probe.doc).notes;
    probe.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (this.pending.size === 0) return;
      const now = performance.now();
      for (const type of transaction.changed.keys()) {
        if (!(type instanceof Y.Map) || type.parent !== notes) continue;
        const id = type.get('id');
        if (typeof id !== 'string') continue;
        const expected = this.pending.get(id);
        if (expected && type.get('themeId') === expected.themeId) {
          if (expected.record) this.latencies.push(now - expected.sentAt);
          this.pending.delete(id);
        }
      }
    });
  }

  /** Registers a move sent at `sentAt`; warm-up moves (`record` false) are waited for but not counted. */
  expect(noteId: string, themeId: string | null, sentAt: number, record = true): void {
    if (this.pending.has(noteId)) this.lost += 1;
    this.pending.set(noteId, { themeId, sentAt, record });
  }

  /** Waits until every expected move arrived, or gives up and counts the rest as lost. */
  async settle(timeoutMs: number): Promise<void> {
    try {
      await until(() => this.pending.size === 0, timeoutMs, 'moves to arrive', 5);
    } catch {
      this.lost += this.pending.size;
      this.pending.clear();
    }
  }

  get isSynced(): boolean {
    return this.probe.isSynced();
  }
}
