import type { BoardState } from '../../../../../shared/domain/state';
import { PromptColumns } from '../PromptColumns';

/** The facilitator's board in the vote, decide, agreement and revisit phases. */
export function DecisionStage({ board }: { readonly board: BoardState }) {
  return <PromptColumns board={board} />;
}
