import { quorumNeeded } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import type { Proposal } from '../../../../../shared/records/Proposal';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { ChangeSummary } from '../../../components/decisions/ChangeSummary';
import { canIRespond, respondersHere } from '../../../components/decisions/decisionSelectors';
import { ResponseForm } from '../../../components/decisions/ResponseForm';
import { AnsweredCount } from '../../../components/decisions/AnsweredCount';
import { RuleLine } from '../../../components/decisions/RuleLine';
import { formatNumber } from '../../../i18n/format';
import { useLocale, useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';
import { askToCloseRound } from './closeWithCare';

/** An open round: the statement, its rule, how many have answered (what they answered stays hidden), and Close. */
export function OpenProposalPanel({
  board,
  proposal,
  ask,
}: {
  readonly board: BoardState;
  readonly proposal: Proposal;
  readonly ask: (request: ConfirmRequest) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const people = useBoardStore((s) => s.people);
  const role = useBoardStore((s) => s.role);
  const here = Math.max(respondersHere(people, board), proposal.respondentCount);
  const needed = quorumNeeded(proposal.quorumPercent, here);
  const hasQuorum = proposal.rule !== 'consent';

  const close = () =>
    askToCloseRound(board, proposal, ask, {
      title: t('facilitator.decide.closeRoundTitle'),
      message: t(
        proposal.respondentCount === 0
          ? 'facilitator.decide.proposal.nobodyAnswered'
          : 'facilitator.decide.proposal.closeMessage',
      ),
      confirmLabel: t('facilitator.decide.closeRound'),
    });

  return (
    <div className="open-proposal">
      <p className="open-proposal__label">
        {t('facilitator.decide.round', { round: proposal.round })}{' '}
        <span className="status-pill">{t('facilitator.decide.open')}</span>
      </p>
      <ChangeSummary board={board} proposal={proposal} />
      <p className="proposal__statement">{proposal.statement}</p>
      <RuleLine proposal={proposal} />
      <AnsweredCount answered={proposal.respondentCount} here={here} />
      {hasQuorum && (
        <p className="hint">
          {t('facilitator.decide.proposal.quorum', {
            needed,
            share: formatNumber(locale, proposal.quorumPercent / 100, { style: 'percent', maximumFractionDigits: 2 }),
          })}
        </p>
      )}
      <p className="hint">{t('facilitator.decide.proposal.hidden')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={close}>
          {t('facilitator.decide.closeRoundMore')}
        </button>
      </div>
      {canIRespond(role, board) && (
        <details className="my-answer">
          <summary>{t('facilitator.decide.proposal.yourAnswer')}</summary>
          <p className="hint">{t('facilitator.decide.proposal.fromPhone')}</p>
          <ResponseForm proposal={proposal} />
        </details>
      )}
    </div>
  );
}
