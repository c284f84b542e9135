import type { BoardState } from '../../../../../shared/domain/state';
import { ExportButtons } from '../../../components/agreement/ExportButtons';
import { ReaderLinkBlock } from './ReaderLinkBlock';

/** Everything for handing the agreement out: files, print, and the read-only link. */
export function HandOutPanel({
  board,
  facilitatorKey,
  readerKey,
}: {
  readonly board: BoardState;
  readonly facilitatorKey: string | null;
  readonly readerKey: string | null;
}) {
  return (
    <ExportButtons board={board} downloadKey={facilitatorKey} headingId="hand-out-title">
      <ReaderLinkBlock boardId={board.meta.id} readerKey={readerKey} />
    </ExportButtons>
  );
}
