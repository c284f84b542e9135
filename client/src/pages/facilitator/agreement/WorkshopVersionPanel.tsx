import type { BoardState } from '../../../../../shared/domain/state';
import { CheckInLine } from '../../../components/agreement/CheckInLine';
import { VersionStatus } from '../../../components/agreement/VersionStatus';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { openProposals } from '../../../components/decisions/decisionSelectors';
import { useT } from '../../../i18n/i18n';
import { closeWorkshop, reopenWorkshop } from '../../../sync/versionCommands';
import { CheckInEditor } from './CheckInEditor';

export interface WorkshopVersionPanelProps {
  readonly board: BoardState;
  readonly facilitatorKey: string | null;
  readonly ask: (request: ConfirmRequest) => void;
}

/** The agreement's version: close the workshop (version N becomes final), set the check-in date, reopen for N + 1. */
export function WorkshopVersionPanel({ board, facilitatorKey, ask }: WorkshopVersionPanelProps) {
  const t = useT();
  const { meta } = board;
  const versions = { version: meta.version, next: meta.version + 1 };
  const inForce = [...board.agreements.values()].filter((a) => a.status === 'locked').length;
  const openRounds = openProposals(board).length + [...board.voteRounds.values()].filter((r) => r.status === 'open').length;

  const close = () =>
    ask({
      title: t('facilitator.agreement.version.closeTitle', versions),
      message: t('facilitator.agreement.version.closeMessage', { ...versions, count: inForce }),
      confirmLabel: t('facilitator.agreement.version.closeConfirm', versions),
      // Said to everyone, the facilitator included, by the decision announcements.
      onConfirm: () => void closeWorkshop(),
    });

  const reopen = () =>
    ask({
      title: t('facilitator.agreement.version.reopenTitle', versions),
      message: t('facilitator.agreement.version.reopenMessage', versions),
      confirmLabel: t('facilitator.agreement.version.reopenConfirm', versions),
      onConfirm: () => void reopenWorkshop(),
    });

  return (
    <section className="panel agreement-status" aria-labelledby="agreement-status-title">
      <h2 id="agreement-status-title">
        {meta.isClosed ? t('facilitator.agreement.version.final', versions) : t('facilitator.agreement.version.closeHeading')}
      </h2>
      <VersionStatus board={board} />
      {meta.isClosed ? (
        <>
          <p>{t('facilitator.agreement.version.finalExplain')}</p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={reopen}>
              {t('facilitator.agreement.version.reopen', versions)}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('facilitator.agreement.version.closeExplain', versions)}</p>
          {openRounds > 0 && <p className="notice">{t('facilitator.agreement.version.openRounds', { count: openRounds })}</p>}
          <div className="actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t('facilitator.agreement.version.close')}
            </button>
          </div>
        </>
      )}
      <CheckInLine board={board} downloadKey={facilitatorKey} />
      <CheckInEditor checkInDate={meta.checkInDate} />
    </section>
  );
}
