import type { BoardState } from '../../../../shared/domain/state';
import type { Proposal } from '../../../../shared/records/Proposal';

/**
 * What an amendment or a retirement is about: the agreed wording it changes, shown before the
 * proposed one, so that nobody answers without knowing what they are replacing.
 */
export function ChangeSummary({ board, proposal }: { readonly board: BoardState; readonly proposal: Proposal }) {
  if (proposal.kind === 'adopt' || proposal.targetAgreementId === null) return null;
  const target = board.agreements.get(proposal.targetAgreementId);
  if (!target) return null;
  const isInForce = target.status === 'locked';
  const when = `version ${target.version}`;
  return (
    <div className={`change change--${proposal.kind}`}>
      <p className="change__label">
        {proposal.kind === 'amend'
          ? isInForce
            ? `Amendment · wording in force now (${when}):`
            : `Amendment · wording before (${when}):`
          : isInForce
            ? `Retirement · this item would leave the agreement (${when}):`
            : `Retirement · the item (${when}):`}
      </p>
      <p className="change__old">{target.statement}</p>
      {proposal.kind === 'amend' && <p className="change__label change__label--new">Proposed new wording:</p>}
    </div>
  );
}
