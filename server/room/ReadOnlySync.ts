import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '../../shared/protocol';
import { BadFrameError } from '../badInput';
import { SharedFrame } from './SharedFrame';

/**
 * How long the encoded whole document stays cached after the last cold join asked for it, in
 * milliseconds. It is a second copy of the document (as large as the board's history), so an idle
 * room must not keep it; a workshop's start, when everyone joins within seconds, still encodes it once.
 */
export const COLD_SYNC_CACHE_MS = 5_000;

/** What a sync message asks of the room. */
export type SyncRequest =
  /** A sync step 1: answer with `step2Frame()` once no transaction is in flight. */
  | { readonly type: 'step1'; readonly stateVector: Map<number, number> }
  /** A step 2 or update that holds nothing new: an honest client echoing what it has. */
  | { readonly type: 'echo' }
  /** A step 2 or update that holds something the server does not have: an attempt to write. */
  | { readonly type: 'write' };

/**
 * The y-websocket sync protocol for read-only replicas (y-protocols PROTOCOL.md's recipe): step 1
 * gets the missing part of the document; step 2 and updates are never applied.
 */
export class ReadOnlySync {
  /** Lets `holdsUpdate` test updates without re-encoding the document each time. */
  private snapshotCache: Y.Snapshot | null = null;
  /** Sync step 2 for a client that has nothing, encoded once until the document changes (a workshop's start is a burst of those). */
  private coldSyncFrame: Uint8Array | null = null;
  private coldSyncTimer: NodeJS.Timeout | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', () => {
      this.snapshotCache = null;
      this.forgetColdSyncFrame();
    });
  }

  /** True while the encoded whole document is cached (tests). */
  get hasColdSyncFrame(): boolean {
    return this.coldSyncFrame !== null;
  }

  /** Drops the cached whole document (also when the room closes: its timer must not keep the process up). */
  forgetColdSyncFrame(): void {
    this.coldSyncFrame = null;
    if (this.coldSyncTimer !== null) clearTimeout(this.coldSyncTimer);
    this.coldSyncTimer = null;
  }

  /**
   * Decodes the rest of a sync message (after its type), every number as lib0 reads it (a varuint
   * may be written in more bytes than it needs). Throws BadFrameError on bad bytes.
   */
  read(decoder: decoding.Decoder): SyncRequest {
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) throw new BadFrameError('trailing_bytes');
    if (type === syncProtocol.messageYjsSyncStep1) {
      try {
        return { type: 'step1', stateVector: Y.decodeStateVector(payload) };
      } catch {
        throw new BadFrameError('invalid_state_vector');
      }
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
      throw new BadFrameError('unknown_sync_type');
    }
    return this.holdsUpdate(payload) ? { type: 'echo' } : { type: 'write' };
  }

  /** The server's own sync step 1, sent to every member on join. */
  step1Frame(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    return encoding.toUint8Array(encoder);
  }

  /** The answer to a sync step 1: what `stateVector` lacks. */
  step2Frame(stateVector: Map<number, number>): Uint8Array {
    // A state vector that holds nothing of this document (empty, or naming only clients that never
    // wrote it) asks for all of it: one cached answer, however the request was spelled.
    const isCold = [...stateVector].every(([client, clock]) => clock === 0 || !this.doc.store.clients.has(client));
    if (isCold && this.coldSyncFrame) {
      this.coldSyncTimer?.refresh();
      return this.coldSyncFrame;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, isCold ? undefined : Y.encodeStateVector(stateVector)));
    const frame = encoding.toUint8Array(encoder);
    if (isCold) {
      // Shared: compressed once for every cold joiner that negotiated permessage-deflate.
      this.coldSyncFrame = SharedFrame.wrap(frame);
      this.coldSyncTimer = setTimeout(() => this.forgetColdSyncFrame(), COLD_SYNC_CACHE_MS);
      this.coldSyncTimer.unref();
      return this.coldSyncFrame;
    }
    return frame;
  }

  /** True when everything in `update` is already in the document (an honest client's step 2). */
  private holdsUpdate(update: Uint8Array): boolean {
    if (update.length === 2 && update[0] === 0 && update[1] === 0) return true;
    try {
      this.snapshotCache ??= Y.snapshot(this.doc);
      return Y.snapshotContainsUpdate(this.snapshotCache, update);
    } catch {
      throw new BadFrameError('invalid_update');
    }
  }
}
