import * as decoding from 'lib0/decoding';
import { parseCommandEnvelope } from '../shared/commands';
import { refusalOf } from '../shared/domain/refusals';
import {
  type CommandResult,
  decodeJsonBody,
  MESSAGE_AWARENESS,
  MESSAGE_COMMAND,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from '../shared/protocol';
import { isInvalid } from '../shared/validate';
import { BadFrameError } from './badInput';
import type { ConnectionBudget } from './rateLimit';
import type { Room } from './room/Room';
import type { RoomMember } from './room/RoomMember';

/** What routing a frame may do to the connection it came from, besides the room's own sends. */
export interface FrameAnswers {
  readonly member: RoomMember;
  /** Sends a frame only this connection asked for, charged by its size to its answer budget. */
  answer(frame: Uint8Array): void;
  /** It asked for more than its budget allows: the connection is closed. */
  overBudget(kind: 'sync_request' | 'sync_echo' | 'awareness_query'): void;
  /** A command refused before the room saw it; `overRate` when its rate was the reason. */
  refused(result: CommandResult & { ok: false }, overRate: boolean): void;
}

/**
 * Decodes a frame of a member of `room` completely (every varuint as lib0 reads it, so that
 * `0x80 0x00` is 0 here as it is everywhere else) before any limit is applied, then charges it to
 * its budget before the server does the work it asks for. Throws on a frame that cannot be decoded
 * (the caller closes the connection).
 */
export function routeFrame(frame: Uint8Array, room: Room, budget: ConnectionBudget, to: FrameAnswers): void {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const request = room.readSync(decoder);
      if (request.type === 'step1') {
        if (!budget.take('syncRequest') || !budget.hasCredit('answerBytes')) to.overBudget('sync_request');
        else room.answerSync(to.member, request, to.answer);
      } else if (request.type === 'echo' && !budget.take('syncEcho')) {
        to.overBudget('sync_echo');
      } else {
        room.answerSync(to.member, request);
      }
      return;
    }
    case MESSAGE_AWARENESS: {
      const entries = room.readAwareness(decoding.readVarUint8Array(decoder));
      if (decoding.hasContent(decoder)) throw new BadFrameError('trailing_bytes');
      if (budget.take('awarenessUpdate')) room.handleAwareness(to.member, entries);
      return;
    }
    case MESSAGE_QUERY_AWARENESS: {
      if (decoding.hasContent(decoder)) throw new BadFrameError('trailing_bytes');
      if (!budget.take('awarenessQuery') || !budget.hasCredit('answerBytes')) {
        to.overBudget('awareness_query');
        return;
      }
      const answer = room.allAwarenessFrame(to.member);
      if (answer) to.answer(answer);
      return;
    }
    case MESSAGE_COMMAND:
      routeCommand(decodeJsonBody(decoder), room, budget, to);
      return;
    default:
      throw new BadFrameError('unknown_message_type');
  }
}

/** A command's envelope checked and its rate charged, then queued in the room (or refused). */
function routeCommand(body: unknown, room: Room, budget: ConnectionBudget, to: FrameAnswers): void {
  const id = typeof (body as { id?: unknown } | null)?.id === 'string' ? (body as { id: string }).id.slice(0, 64) : '';
  const overRate = () => to.refused({ id, ok: false, ...refusalOf('rate_limited', 'tooManyActions') }, true);
  if (!budget.take('command')) {
    overRate();
    return;
  }
  const envelope = parseCommandEnvelope(body);
  if (isInvalid(envelope)) {
    const detail = { path: envelope.path, problem: envelope.message };
    to.refused({ id, ok: false, ...refusalOf('invalid_command', 'invalidCommand', detail) }, false);
    return;
  }
  if (envelope.command.type === 'react' && !budget.take('reaction')) {
    overRate();
    return;
  }
  room.enqueue(to.member, envelope);
}
