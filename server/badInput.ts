/**
 * Why a frame or an AUTH was refused, as the log records it: a fixed vocabulary. Never the input,
 * and never a parser's message, which may quote it (V8's JSON errors show about ten characters of
 * the text; an unknown AUTH field's path is the client's own key).
 */
export const BAD_INPUT_KINDS = [
  /** A length or a varuint runs past the end of the frame. */
  'truncated',
  /** A varuint longer than 53 bits. */
  'integer_overflow',
  /** Bytes left after the message. */
  'trailing_bytes',
  /** A JSON body that is not UTF-8. */
  'invalid_utf8',
  /** A JSON body that does not parse. */
  'invalid_json',
  /** A message type the protocol does not have. */
  'unknown_message_type',
  /** A sync message of a subtype other than step 1, step 2 and update. */
  'unknown_sync_type',
  /** A sync step 1 whose state vector does not decode. */
  'invalid_state_vector',
  /** A sync step 2 or update that does not decode. */
  'invalid_update',
  /** An awareness update that does not decode or breaks its limits. */
  'invalid_awareness',
  /** The first frame is not an AUTH message. */
  'not_auth',
  /** An AUTH message whose fields are wrong. */
  'invalid_auth',
  /** Anything else (an error in the server's own code, not in the input). */
  'other',
] as const;

/** One of BAD_INPUT_KINDS. */
export type BadInputKind = (typeof BAD_INPUT_KINDS)[number];

/** Thrown for a frame that cannot be decoded; the connection closes with BAD_FRAME. */
export class BadFrameError extends Error {
  constructor(readonly kind: BadInputKind) {
    super(kind);
  }
}

/**
 * The kind of a decoding failure. lib0 throws shared Error objects with fixed messages, and
 * decodeJsonBody (shared/protocol.ts) a fixed message for trailing bytes; those messages hold no
 * input, so they can be told apart by their text.
 */
export function badInputKind(error: unknown): BadInputKind {
  if (error instanceof BadFrameError) return error.kind;
  if (error instanceof SyntaxError) return 'invalid_json';
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    return 'invalid_utf8';
  }
  if (error instanceof Error) {
    if (error.message === 'Unexpected end of array') return 'truncated';
    if (error.message === 'Integer out of Range') return 'integer_overflow';
    if (error.message === 'trailing bytes after message body') return 'trailing_bytes';
  }
  return 'other';
}
