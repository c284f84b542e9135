import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '../../shared/protocol';
import { BadFrameError } from './RoomMember';

/** What a sync message asks of the room. */
export type SyncRequest =
  /** A sync step 1: answer with `frame()` once no transaction is in flight. */
  | { readonly type: 'step1'; readonly stateVector: Uint8Array }
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

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', () => {
      this.snapshotCache = null;
      this.coldSyncFrame = null;
    });
  }

  /** Decodes the rest of a sync message (after its type). Throws BadFrameError on bad bytes. */
  read(decoder: decoding.Decoder): SyncRequest {
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) throw new BadFrameError('trailing bytes after sync message');
    if (type === syncProtocol.messageYjsSyncStep1) {
      try {
        Y.decodeStateVector(payload);
      } catch {
        throw new BadFrameError('invalid state vector');
      }
      return { type: 'step1', stateVector: payload };
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
      throw new BadFrameError('unknown sync message type');
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
  step2Frame(stateVector: Uint8Array): Uint8Array {
    const isEmpty = stateVector.length === 1 && stateVector[0] === 0;
    if (isEmpty && this.coldSyncFrame) return this.coldSyncFrame;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
    const frame = encoding.toUint8Array(encoder);
    if (isEmpty) this.coldSyncFrame = frame;
    return frame;
  }

  /** True when everything in `update` is already in the document (an honest client's step 2). */
  private holdsUpdate(update: Uint8Array): boolean {
    if (update.length === 2 && update[0] === 0 && update[1] === 0) return true;
    try {
      this.snapshotCache ??= Y.snapshot(this.doc);
      return Y.snapshotContainsUpdate(this.snapshotCache, update);
    } catch {
      throw new BadFrameError('invalid Yjs update');
    }
  }
}
