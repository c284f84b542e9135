import { readStored } from './storage';

/**
 * The read-only key of a board, if this browser created it, opened a co-facilitator link that
 * carried it, or opened its read-only link. Boards created before read-only links existed have none.
 */
export function readerKeyFor(boardId: string): string | null {
  return readStored(`rkey:${boardId}`);
}

/** The read-only agreement link: the key travels in the fragment, which browsers never send to a server. */
export function readerUrl(boardId: string, readerKey: string): string {
  return `${location.origin}/r/${boardId}#${new URLSearchParams({ key: readerKey }).toString()}`;
}
