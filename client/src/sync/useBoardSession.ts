import { useEffect } from 'react';
import type { Role } from '../../../shared/domain/state';
import { openBoardSession } from './boardSession';

/** Keeps a board open while the page that needs it is shown. */
export function useBoardSession(boardId: string, role: Role, facilitatorKey?: string | null): void {
  useEffect(
    () => openBoardSession({ boardId, role, ...(facilitatorKey ? { facilitatorKey } : {}) }),
    [boardId, role, facilitatorKey],
  );
}
