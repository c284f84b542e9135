import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { type CommandEnvelope, parseCommandEnvelope } from '../../shared/commands';
import { MAX_CLIENT_FRAME_BYTES, MAX_COMMAND_ID_CHARS, MAX_PURPOSE_CHARS } from '../../shared/limits';
import {
  CLOSE_CODES,
  decodeJsonBody,
  encodeAuth,
  encodeCommand,
  encodeJsonMessage,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_COMMAND,
  MESSAGE_PRIVATE,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_RESULT,
  MESSAGE_SYNC,
  PROTOCOL_VERSION,
  parseAuth,
} from '../../shared/protocol';

const POST = { type: 'postDraft', draftId: 'd1', promptId: 'p1', text: '  Mornings  ', tag: null } as const;

describe('parseCommandEnvelope', () => {
  it('returns the id and the validated, trimmed command', () => {
    expect(parseCommandEnvelope({ id: 'cmd-1', command: POST })).toEqual({ id: 'cmd-1', command: { ...POST, text: 'Mornings' } });
  });

  it.each([
    ['a missing id', { command: POST }, 'id', 'is required'],
    ['an id with a space', { id: 'cmd 1', command: POST }, 'id', 'must be an id of 1 to 64 letters, digits, "-" or "_"'],
    ['a numeric id', { id: 1, command: POST }, 'id', 'must be an id of 1 to 64 letters, digits, "-" or "_"'],
    [
      'an id one character too long',
      { id: 'c'.repeat(MAX_COMMAND_ID_CHARS + 1), command: POST },
      'id',
      'must be an id of 1 to 64 letters, digits, "-" or "_"',
    ],
    ['a missing command', { id: 'cmd-1' }, 'command', 'is required'],
    ['a null command', { id: 'cmd-1', command: null }, 'command', 'must be an object'],
    ['an extra field', { id: 'cmd-1', command: POST, sentAt: 1 }, 'sentAt', 'is not an allowed field'],
    ['an invalid command', { id: 'cmd-1', command: { ...POST, text: ' ' } }, 'command.text', 'must not be empty'],
    ['an unknown command', { id: 'cmd-1', command: { type: 'nuke' } }, 'command.type', 'is not a known command'],
    ['a list', [{ id: 'cmd-1', command: POST }], '(root)', 'must be an object'],
    ['null', null, '(root)', 'must be an object'],
  ])('refuses %s', (_label, value, path, message) => {
    expect(parseCommandEnvelope(value)).toEqual({ invalid: true, path, message });
  });

  it(`accepts ids of up to MAX_COMMAND_ID_CHARS (${MAX_COMMAND_ID_CHARS}) characters`, () => {
    const id = 'c'.repeat(MAX_COMMAND_ID_CHARS);
    expect(parseCommandEnvelope({ id, command: POST })).toMatchObject({ id });
  });
});

describe('parseAuth', () => {
  const secret = 'A'.repeat(22);

  it.each([
    ['no secret at all (the server then closes with 4401)', { v: PROTOCOL_VERSION }],
    ['a reader (read-only link)', { v: 1, readerKey: secret }],
    ['a participant', { v: 1, participantSecret: secret }],
    ['a facilitator', { v: 1, facilitatorKey: `${'a'.repeat(126)}-_` }],
    ['a facilitator who takes part', { v: 1, participantSecret: secret, facilitatorKey: secret }],
    ['an unsupported version (refused later, with its own close code)', { v: 99 }],
  ])('accepts %s', (_label, value) => {
    expect(parseAuth(value)).toEqual(value);
  });

  it.each([
    ['a missing version', { participantSecret: secret }, 'v'],
    ['a version as text', { v: '1' }, 'v'],
    ['a secret of 21 characters', { v: 1, participantSecret: 'A'.repeat(21) }, 'participantSecret'],
    ['a secret of 129 characters', { v: 1, participantSecret: 'A'.repeat(129) }, 'participantSecret'],
    ['a secret in base64 with padding', { v: 1, participantSecret: `${'A'.repeat(22)}==` }, 'participantSecret'],
    ['a secret with "+"', { v: 1, facilitatorKey: `${'A'.repeat(22)}+/` }, 'facilitatorKey'],
    ['a numeric secret', { v: 1, facilitatorKey: 1234 }, 'facilitatorKey'],
    ['a read-only key of 21 characters', { v: 1, readerKey: 'A'.repeat(21) }, 'readerKey'],
    ['a read-only key with "/"', { v: 1, readerKey: `${'A'.repeat(22)}/` }, 'readerKey'],
    ['an extra field', { v: 1, role: 'facilitator' }, 'role'],
    ['a list', [{ v: 1 }], '(root)'],
    ['a string', 'v=1', '(root)'],
  ])('refuses %s', (_label, value, path) => {
    expect(parseAuth(value)).toMatchObject({ invalid: true, path });
  });
});

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) part(encoder);
  return encoding.toUint8Array(encoder);
}

/** Reads the message type of a frame and returns a decoder positioned on its body. */
function openFrame(bytes: Uint8Array): [number, decoding.Decoder] {
  const decoder = decoding.createDecoder(bytes);
  return [decoding.readVarUint(decoder), decoder];
}

describe('JSON messages', () => {
  it.each([
    ['a result', MESSAGE_RESULT, { id: 'cmd-1', ok: false, error: 'not_found', message: 'That prompt does not exist.' }],
    ['a private slice', MESSAGE_PRIVATE, { type: 'slice', drafts: [], posted: { p1: 2 } }],
    ['text beyond the BMP and escapes', MESSAGE_COMMAND, { id: 'x', command: { ...POST, text: 'Ça 😀 "q" \\ \n \u0000' } }],
    ['a large message type number', 300, [1, null, true, 'x']],
  ])('round-trips %s', (_label, type, body) => {
    const [decodedType, decoder] = openFrame(encodeJsonMessage(type, body));
    expect(decodedType).toBe(type);
    expect(decodeJsonBody(decoder)).toEqual(body);
  });

  it('encodes commands and AUTH under their own message types', () => {
    const envelope: CommandEnvelope = { id: 'cmd-1', command: POST };
    const [commandType, commandBody] = openFrame(encodeCommand(envelope));
    expect([commandType, decodeJsonBody(commandBody)]).toEqual([MESSAGE_COMMAND, envelope]);
    const [authType, authBody] = openFrame(encodeAuth({ v: PROTOCOL_VERSION }));
    expect([authType, decodeJsonBody(authBody)]).toEqual([MESSAGE_AUTH, { v: PROTOCOL_VERSION }]);
  });

  it('fits the largest valid command in one client frame, even with worst-case escaping', () => {
    const envelope = {
      id: 'c'.repeat(MAX_COMMAND_ID_CHARS),
      command: { type: 'updateBoard', purpose: '\u0001'.repeat(MAX_PURPOSE_CHARS) },
    };
    const bytes = encodeJsonMessage(MESSAGE_COMMAND, envelope);
    expect(bytes.length).toBeGreaterThan(6 * MAX_PURPOSE_CHARS);
    expect(bytes.length).toBeLessThan(MAX_CLIENT_FRAME_BYTES);
  });

  const valid = encodeJsonMessage(MESSAGE_COMMAND, { id: 'cmd-1', command: POST });
  const body = (bytes: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, bytes);
  const type = (e: encoding.Encoder) => encoding.writeVarUint(e, MESSAGE_COMMAND);

  it.each([
    ['a frame cut short', valid.subarray(0, valid.length - 1)],
    ['a frame with only its type', valid.subarray(0, 1)],
    ['a length prefix cut short', frame(type, (e) => encoding.writeUint8(e, 0x80))],
    ['a body that is not UTF-8', frame(type, body(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))],
    ['an overlong UTF-8 encoding', frame(type, body(new Uint8Array([0x22, 0xc0, 0xaf, 0x22])))],
    ['a lone surrogate encoded in UTF-8', frame(type, body(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])))],
    ['a body that is not JSON', frame(type, body(new TextEncoder().encode('{"id":')))],
    ['an empty body', frame(type, body(new Uint8Array()))],
    [
      'trailing bytes after the body',
      frame(
        (e) => encoding.writeUint8Array(e, valid),
        (e) => encoding.writeUint8(e, 0),
      ),
    ],
  ])('throws on %s', (_label, bytes) => {
    expect(() => {
      const [, decoder] = openFrame(bytes);
      decodeJsonBody(decoder);
    }).toThrow();
  });

  it('throws on a cut-short frame that sits inside a larger buffer (as ws hands out slices)', () => {
    const pool = new Uint8Array(valid.length + 64).fill(0x20);
    pool.set(valid, 0);
    const truncated = pool.subarray(0, valid.length - 5);
    const [, decoder] = openFrame(truncated);
    expect(() => decodeJsonBody(decoder)).toThrow();
  });
});

describe('wire constants', () => {
  it('gives every message type its own number, 0 and 1 as in y-websocket', () => {
    const types = [
      MESSAGE_SYNC,
      MESSAGE_AWARENESS,
      MESSAGE_QUERY_AWARENESS,
      MESSAGE_AUTH,
      MESSAGE_COMMAND,
      MESSAGE_RESULT,
      MESSAGE_PRIVATE,
    ];
    expect(new Set(types).size).toBe(types.length);
    expect([MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS]).toEqual([0, 1, 3]);
  });

  it('uses 4400–4499 for final refusals and 4500–4599 for "reconnect", each code once', () => {
    const codes = Object.entries(CLOSE_CODES);
    expect(new Set(codes.map(([, c]) => c)).size).toBe(codes.length);
    const retry = codes.filter(([, c]) => c >= 4500).map(([name]) => name);
    expect(retry.sort()).toEqual(['BOARD_MOVED', 'DRAINING', 'GOING_AWAY', 'LEASE_LOST', 'SLOW_CONSUMER', 'TOO_MANY_NEW_SEATS']);
    for (const [, code] of codes) expect(code >= 4400 && code <= 4599).toBe(true);
  });
});
