import { normaliseJoinCode } from '../../shared/random';
import { writeStored } from './storage';

const FACILITATE_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/facilitate\/?$/;
const READ_PATH = /^\/r\/([A-Za-z0-9_-]{1,64})\/?$/;

/**
 * Moves the facilitator key (and the join code and read-only key, when the link carries them), or
 * a read-only link's key, from the URL fragment into this browser's storage, then removes the
 * fragment: the screen is often projected, and a visible key would hand full control (or the
 * agreement) to anyone in the room.
 */
export function captureFacilitatorLink(): void {
  const match = FACILITATE_PATH.exec(location.pathname);
  const read = READ_PATH.exec(location.pathname);
  if ((!match && !read) || location.hash.length < 2) return;
  const params = new URLSearchParams(location.hash.slice(1));
  const key = params.get('key');
  const code = params.get('code');
  // The read-only key: on a read-only link as `key`, on a co-facilitator link as `rkey`.
  const readerKey = read ? key : params.get('rkey');
  const boardId = (match ?? read)?.[1] as string;
  if (match && key) writeStored(`fkey:${boardId}`, key);
  if (readerKey) writeStored(`rkey:${boardId}`, readerKey);
  if (code) writeStored(`code:${boardId}`, normaliseJoinCode(code));
  history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * The link that makes someone a co-facilitator. The join code and the read-only key ride along in
 * the fragment because the server only tells them to whoever created the board.
 */
export function coFacilitatorUrl(boardId: string, key: string, joinCode: string | null, readerKey: string | null): string {
  const fragment = new URLSearchParams({ key });
  if (joinCode) fragment.set('code', joinCode);
  if (readerKey) fragment.set('rkey', readerKey);
  return `${location.origin}/b/${boardId}/facilitate#${fragment.toString()}`;
}

/** The link participants open: the short join link when the code is known, else the board link. */
export function participantUrl(boardId: string, joinCode: string | null): string {
  return joinCode ? `${location.origin}/j/${joinCode}` : `${location.origin}/b/${boardId}`;
}
