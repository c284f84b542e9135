import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role } from '../shared/domain/state';
import { MAX_AWARENESS_STATE_BYTES, MAX_DISPLAY_NAME_CHARS } from '../shared/limits';

/** One entry of a y-protocols awareness update. */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: Record<string, unknown> | null;
}

/**
 * Decodes an awareness update: varuint(count), then per entry varuint(clientID), varuint(clock),
 * varstring(JSON state, "null" for a client that leaves). Throws on malformed input.
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  // Honest clients list every client they forget (y-protocols forwards timeouts and removals), so
  // the count can be as large as the room; the frame size limit bounds the work.
  const count = decoding.readVarUint(decoder);
  if (count > decoder.arr.length) throw new Error('more awareness entries than bytes');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_AWARENESS_STATE_BYTES) throw new Error('awareness state too large');
    const state: unknown = JSON.parse(json);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
      throw new Error('awareness state must be an object');
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
  return entries;
}

/** Encodes awareness entries in the y-protocols format. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10) / 10 : null;
}

function point(value: unknown): { x: number; y: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const x = finite((value as { x?: unknown }).x);
  const y = finite((value as { y?: unknown }).y);
  return x === null || y === null ? null : { x, y };
}

function dragPreview(value: unknown): { noteIds: string[]; x: number; y: number } | null {
  const at = point(value);
  const ids = (value as { noteIds?: unknown } | null)?.noteIds;
  if (at === null || !Array.isArray(ids) || ids.length > 50) return null;
  const noteIds = ids.filter((id): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id));
  return { noteIds, ...at };
}

/**
 * What a connection may publish, rebuilt field by field from what it sent: a display name
 * (dropped when the roster is hidden) and the role the server gave it. Facilitators may add a
 * cursor and a drag preview. Participants get nothing else: no typing indicator, no per-person
 * activity, nothing that could be matched with a note. Readers publish nothing.
 */
export function sanitizeAwarenessState(
  raw: Record<string, unknown>,
  role: Role,
  showNames: boolean,
): Record<string, unknown> | null {
  if (role === 'reader') return null;
  const user = raw.user as { name?: unknown } | undefined;
  const name = typeof user?.name === 'string' && showNames ? user.name.trim().slice(0, MAX_DISPLAY_NAME_CHARS) : '';
  const state: Record<string, unknown> = { user: { name, role } };
  if (role === 'facilitator') {
    const cursor = point(raw.cursor);
    if (cursor) state.cursor = cursor;
    const drag = dragPreview(raw.drag);
    if (drag) state.drag = drag;
  }
  return state;
}
