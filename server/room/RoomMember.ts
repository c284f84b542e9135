import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Actor } from '../../shared/domain/state';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol';

/** Origin of every server write to a board document. */
export const SERVER_ORIGIN = Symbol('accord-server');

/** A connection as the room sees it (implemented by Connection). */
export interface RoomMember {
  readonly actor: Actor;
  /** Who the member is for command de-duplication: participant id, or `facilitator`. */
  readonly actorKey: string;
  /** Awareness client ids this member publishes. */
  readonly awarenessClientIds: Set<number>;
  send(frame: Uint8Array): void;
  /** Holds this member's frames until `uncork`, to write them together (a batch's publication). */
  cork?(): void;
  uncork?(): void;
  close(code: number, reason: string): void;
}

/** `[MESSAGE_AWARENESS, varUint8Array(update)]`: an awareness update as y-websocket frames it. */
export function frameAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** `[MESSAGE_SYNC, messageYjsUpdate, varUint8Array(update)]`: a document update as y-websocket frames it. */
export function frameUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
