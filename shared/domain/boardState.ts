import { type DocChange, recordOperation } from './changes';
import type { BoardState } from './state';

type Collections = Omit<BoardState, 'meta'>;

/**
 * Applies document changes to an in-memory BoardState, the same way boardDoc.ts applies them to
 * the Yjs document. The server keeps its state current with it instead of re-reading the document
 * after every command. Maps are copied only when they change.
 */
export function applyDocChangesToBoard(board: BoardState, changes: readonly DocChange[]): BoardState {
  let meta = board.meta;
  const copies: Partial<Record<keyof Collections, Map<string, unknown>>> = {};
  const editable = (collection: keyof Collections): Map<string, unknown> => {
    copies[collection] ??= new Map<string, unknown>(board[collection]);
    return copies[collection];
  };
  for (const change of changes) {
    if (change.type === 'setMeta') {
      meta = { ...meta, ...change.fields };
      continue;
    }
    const operation = recordOperation(change);
    const map = editable(operation.collection);
    if (operation.op === 'put') map.set(operation.record.id, operation.record);
    else if (operation.op === 'delete') map.delete(operation.id);
    else {
      const current = map.get(operation.id);
      if (current) map.set(operation.id, { ...(current as object), ...operation.fields });
    }
  }
  return { ...board, ...(copies as Partial<Collections>), meta };
}
