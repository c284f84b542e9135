import type { BoardState } from '../../../../shared/domain/state';
import { revealPrompt } from '../../sync/commands';

/** Board-wide actions of the current phase. */
export function BoardActions({ board }: { readonly board: BoardState }) {
  const canReveal = board.meta.phase === 'share' || board.meta.phase === 'group';
  if (!canReveal) return null;
  const hiddenCount = [...board.prompts.values()].filter((p) => !p.isRevealed).length;
  return (
    <div className="board-actions">
      <button type="button" className="button" disabled={hiddenCount === 0} onClick={() => revealPrompt(null)}>
        Reveal all
      </button>
    </div>
  );
}
