import type { BoardState } from '../../../../../shared/domain/state';
import { PromptColumns } from '../PromptColumns';

/** The facilitator's board in the group phase. */
export function GroupStage({ board }: { readonly board: BoardState }) {
  return <PromptColumns board={board} />;
}
