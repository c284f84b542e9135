import { useCallback, useState } from 'react';
import type { ConfirmRequest } from '../../components/ConfirmDialog';

/** State for one ConfirmDialog: `ask` opens it, `close` dismisses it. */
export function useConfirm() {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const ask = useCallback((next: ConfirmRequest) => setRequest(next), []);
  const close = useCallback(() => setRequest(null), []);
  return { request, ask, close };
}
