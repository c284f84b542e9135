import type { BoardState } from '../../../../../shared/domain/state';
import { PromptCards } from '../PromptCards';

/** The participant's view of the vote, decide, agreement and revisit phases. */
export function DecisionView({ board }: { readonly board: BoardState }) {
  return <PromptCards board={board} />;
}
