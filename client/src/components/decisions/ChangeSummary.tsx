import type { BoardState } from '../../../../shared/domain/state';
import type { Proposal } from '../../../../shared/records/Proposal';
import { useT } from '../../i18n/i18n';

/**
 * What an amendment or a retirement is about: the agreed wording it changes, shown before the
 * proposed one, so that nobody answers without knowing what they are replacing.
 */
export function ChangeSummary({ board, proposal }: { readonly board: BoardState; readonly proposal: Proposal }) {
  const t = useT();
  if (proposal.kind === 'adopt' || proposal.targetAgreementId === null) return null;
  const target = board.agreements.get(proposal.targetAgreementId);
  if (!target) return null;
  const isInForce = target.status === 'locked';
  const isAmendment = proposal.kind === 'amend';
  return (
    <div className={`change change--${proposal.kind}`}>
      <p className="change__label">
        {t(
          isAmendment
            ? isInForce
              ? 'decisions.change.amendInForce'
              : 'decisions.change.amendBefore'
            : isInForce
              ? 'decisions.change.retireInForce'
              : 'decisions.change.retireBefore',
          { version: target.version },
        )}
      </p>
      <p className="change__old">{target.statement}</p>
      {isAmendment && <p className="change__label change__label--new">{t('decisions.change.newWording')}</p>}
    </div>
  );
}
