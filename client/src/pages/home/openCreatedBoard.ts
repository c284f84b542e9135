import type { CreatedWorkshop } from '../../api';
import { navigate } from '../../router';
import { writeStored } from '../../storage';

/**
 * Keeps what the server hands out once (the join code, the read-only key) in this browser, then
 * opens the facilitator link; its key leaves the address bar on arrival.
 */
export function openCreatedBoard(created: CreatedWorkshop): void {
  writeStored(`code:${created.boardId}`, created.joinCode);
  if (created.readerKey) writeStored(`rkey:${created.boardId}`, created.readerKey);
  const url = new URL(created.facilitatorUrl);
  // Same origin as this page, whatever host name the server saw.
  navigate(url.pathname + url.hash);
}
