import type { BoardState } from '../../../../../shared/domain/state';
import { countAgreements } from '../../../components/agreement/agreementCopy';
import { CheckInLine } from '../../../components/agreement/CheckInLine';
import { VersionStatus } from '../../../components/agreement/VersionStatus';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { openProposals } from '../../../components/decisions/decisionSelectors';
import { closeWorkshop, reopenWorkshop } from '../../../sync/versionCommands';
import { CheckInEditor } from './CheckInEditor';

export interface WorkshopVersionPanelProps {
  readonly board: BoardState;
  readonly facilitatorKey: string | null;
  readonly ask: (request: ConfirmRequest) => void;
}

/** The agreement's version: close the workshop (version N becomes final), set the check-in date, reopen for N + 1. */
export function WorkshopVersionPanel({ board, facilitatorKey, ask }: WorkshopVersionPanelProps) {
  const { meta } = board;
  const inForce = [...board.agreements.values()].filter((a) => a.status === 'locked').length;
  const openRounds = openProposals(board).length + [...board.voteRounds.values()].filter((r) => r.status === 'open').length;

  const close = () =>
    ask({
      title: `Close the workshop as version ${meta.version}?`,
      message: `The agreement as it stands now (${countAgreements(inForce)} in force) becomes version ${meta.version}, final: it is kept exactly as it is, for everyone to read and to compare with later versions. Nothing can be changed until you reopen the workshop for version ${meta.version + 1}.`,
      confirmLabel: `Close as version ${meta.version}`,
      // Said to everyone, the facilitator included, by the decision announcements.
      onConfirm: () => void closeWorkshop(),
    });

  const reopen = () =>
    ask({
      title: `Reopen for version ${meta.version + 1}?`,
      message: `The workshop opens again in the Revisit phase. Version ${meta.version} stays as it was; its items stay in force until a round amends or retires them. New items go through the usual steps.`,
      confirmLabel: `Reopen for version ${meta.version + 1}`,
      onConfirm: () => void reopenWorkshop(),
    });

  return (
    <section className="panel agreement-status" aria-labelledby="agreement-status-title">
      <h2 id="agreement-status-title">{meta.isClosed ? `Version ${meta.version} is final` : 'Close the workshop'}</h2>
      <VersionStatus board={board} />
      {meta.isClosed ? (
        <>
          <p>
            Everyone can read this version, and it can be handed out. When the group wants to change something, reopen the
            workshop: only the items that change need a round.
          </p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={reopen}>
              Reopen for version {meta.version + 1}…
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            When the group is done, close the workshop: the agreement becomes version {meta.version}, final, with its decision
            records.
          </p>
          {openRounds > 0 && (
            <p className="notice">
              Close the open {openRounds === 1 ? 'round' : 'rounds'} first: a closed version cannot change.
            </p>
          )}
          <div className="actions">
            <button type="button" className="button button--primary" onClick={close}>
              Close the workshop…
            </button>
          </div>
        </>
      )}
      <CheckInLine board={board} downloadKey={facilitatorKey} />
      <CheckInEditor checkInDate={meta.checkInDate} />
    </section>
  );
}
