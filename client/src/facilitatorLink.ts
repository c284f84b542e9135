import { normaliseJoinCode } from '../../shared/random';
import { writeStored } from './storage';

const FACILITATE_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/facilitate\/?$/;

/**
 * Moves the facilitator key (and the join code, when the link carries it) from the URL fragment
 * into this browser's storage, then removes the fragment: the screen is often projected, and a
 * visible key would hand full control to anyone in the room.
 */
export function captureFacilitatorLink(): void {
  const match = FACILITATE_PATH.exec(location.pathname);
  if (!match || location.hash.length < 2) return;
  const boardId = match[1] as string;
  const params = new URLSearchParams(location.hash.slice(1));
  const key = params.get('key');
  const code = params.get('code');
  if (key) writeStored(`fkey:${boardId}`, key);
  if (code) writeStored(`code:${boardId}`, normaliseJoinCode(code));
  history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * The link that makes someone a co-facilitator. The join code rides along in the fragment
 * because the server only tells it to whoever created the board.
 */
export function coFacilitatorUrl(boardId: string, key: string, joinCode: string | null): string {
  const fragment = new URLSearchParams({ key });
  if (joinCode) fragment.set('code', joinCode);
  return `${location.origin}/b/${boardId}/facilitate#${fragment.toString()}`;
}

/** The link participants open: the short join link when the code is known, else the board link. */
export function participantUrl(boardId: string, joinCode: string | null): string {
  return joinCode ? `${location.origin}/j/${joinCode}` : `${location.origin}/b/${boardId}`;
}
