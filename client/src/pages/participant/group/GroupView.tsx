import type { BoardState } from '../../../../../shared/domain/state';
import { PromptCards } from '../PromptCards';

/** The participant's view of the group phase. */
export function GroupView({ board }: { readonly board: BoardState }) {
  return <PromptCards board={board} />;
}
