import { randomToken } from '../../shared/random';

/**
 * Everything Accord keeps in this browser, under `accord:` keys. Storage can be missing or full
 * (private windows, quotas): every access is guarded so that the board still works for the
 * session, it just forgets on reload.
 */
const PREFIX = 'accord:';

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value);
  } catch {
    // Quota or privacy mode: keep working without persistence.
  }
}

export function removeStored(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // See writeStored.
  }
}

/** The rest of every stored key that starts with `start` (e.g. the board ids of `fkey:` keys). */
export function storedKeysAfter(start: string): string[] {
  const found: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX + start)) found.push(key.slice(PREFIX.length + start.length));
    }
  } catch {
    // See readStored.
  }
  return found;
}

/** What this browser keeps per board, by key kind: `forgetBoard` removes all of them. */
const BOARD_KEY_KINDS = ['fkey', 'rkey', 'code', 'secret', 'jtoken', 'name', 'workshop'] as const;

/** Forgets everything this browser keeps about a board: its keys, its code, its name, its seat. */
export function forgetBoard(boardId: string): void {
  memorySecrets.delete(boardId);
  for (const kind of BOARD_KEY_KINDS) removeStored(`${kind}:${boardId}`);
}

const memorySecrets = new Map<string, string>();

/**
 * This browser's secret for a board: it is how the server recognises the same person after a
 * reload, without an account. 128 random bits, never shown.
 */
export function participantSecretFor(boardId: string): string {
  const key = `secret:${boardId}`;
  const stored = readStored(key) ?? memorySecrets.get(boardId);
  if (stored) return stored;
  const secret = randomToken(16);
  memorySecrets.set(boardId, secret);
  writeStored(key, secret);
  return secret;
}

/**
 * Forgets this browser's secret for a board (the facilitator removed its seat): joining again
 * with the code makes a new seat, with nothing of the old one.
 */
export function forgetParticipantSecret(boardId: string): void {
  memorySecrets.delete(boardId);
  removeStored(`secret:${boardId}`);
}

/**
 * The join token of a board (proof that this browser was given the code), kept from the join page
 * until the server has given this browser its identity.
 */
export function joinTokenFor(boardId: string): string | null {
  return readStored(`jtoken:${boardId}`);
}

export function saveJoinToken(boardId: string, token: string): void {
  writeStored(`jtoken:${boardId}`, token);
}

export function forgetJoinToken(boardId: string): void {
  removeStored(`jtoken:${boardId}`);
}

/** The facilitator key of a board, if this browser opened its facilitator link. */
export function facilitatorKeyFor(boardId: string): string | null {
  return readStored(`fkey:${boardId}`);
}

/** The join code of a board, if this browser created it or opened a link that carried it. */
export function joinCodeFor(boardId: string): string | null {
  return readStored(`code:${boardId}`);
}

/** The display name chosen for a board: null when never asked, '' when skipped. */
export function displayNameFor(boardId: string): string | null {
  return readStored(`name:${boardId}`);
}

export function saveDisplayName(boardId: string, name: string): void {
  writeStored(`name:${boardId}`, name);
  if (name !== '') writeStored('lastName', name);
}

/** The last name typed on any board, to prefill the next one. */
export function lastDisplayName(): string {
  return readStored('lastName') ?? '';
}

const composerKey = (boardId: string, promptId: string) => `composer:${boardId}:${promptId}`;

/**
 * The half-typed text of a prompt's note composer on this device (never sent: the server only
 * learns a note when it is added). Kept per board and prompt so a reload or a dropped phone
 * battery loses nothing; '' when there is none.
 */
export function composerTextFor(boardId: string, promptId: string): string {
  return readStored(composerKey(boardId, promptId)) ?? '';
}

/** Keeps (or, for blank text, forgets) the half-typed text of a prompt's note composer. */
export function saveComposerText(boardId: string, promptId: string, text: string): void {
  if (text.trim() === '') removeStored(composerKey(boardId, promptId));
  else writeStored(composerKey(boardId, promptId), text);
}
