import type { BoardState } from '../../../../shared/domain/state';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/i18n';
import { revealWithCare } from './revealWithCare';
import { useConfirm } from './useConfirm';

/** Board-wide actions of the current phase. */
export function BoardActions({ board }: { readonly board: BoardState }) {
  const t = useT();
  const confirm = useConfirm();
  const canReveal = board.meta.phase === 'share' || board.meta.phase === 'group';
  if (!canReveal) return null;
  const hiddenCount = [...board.prompts.values()].filter((p) => !p.isRevealed).length;
  // Once everything is revealed there is nothing to offer: no disabled button left standing.
  if (hiddenCount === 0) return null;
  return (
    <div className="board-actions">
      <button type="button" className="button" onClick={() => void revealWithCare(null, confirm.ask)}>
        {t('facilitator.reveal.all')}
      </button>
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
    </div>
  );
}
