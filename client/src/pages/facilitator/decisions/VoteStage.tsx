import { useMemo, useState } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { openVoteRound } from '../../../../../shared/domain/votingCommands';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { AwarenessSection } from '../../../components/decisions/AwarenessSection';
import { formatMoment } from '../../../components/decisions/decisionCopy';
import { itemsByPrompt, sortedRounds } from '../../../components/decisions/decisionSelectors';
import { EarlierRounds } from '../../../components/decisions/EarlierRounds';
import { RoundRanking } from '../../../components/decisions/RoundRanking';
import { VoteItemList } from '../../../components/decisions/VoteItemList';
import { OpenVotePanel } from './OpenVotePanel';
import { StartVoteForm } from './StartVoteForm';

type FormMode = 'all' | 'runoff';

/** Start a vote, watch how many have voted, close it, then read the ranking and run a run-off. */
export function VoteStage({ board, ask }: { readonly board: BoardState; readonly ask: (request: ConfirmRequest) => void }) {
  const [formMode, setFormMode] = useState<FormMode | null>(null);
  const open = openVoteRound(board) ?? null;
  const rounds = sortedRounds(board);
  const closed = rounds.filter((r) => r.status === 'closed');
  const latest = closed.at(-1) ?? null;
  const allItems = useMemo(() => itemsByPrompt(board, 'align'), [board]);

  let main: React.ReactNode;
  if (open) {
    main = <OpenVotePanel board={board} round={open} ask={ask} />;
  } else if (formMode !== null || latest === null) {
    main = (
      <>
        <StartVoteForm
          key={formMode ?? 'first'}
          board={board}
          isRunOff={formMode === 'runoff'}
          basis={latest}
          roundNumber={rounds.length + 1}
          onCancel={latest ? () => setFormMode(null) : null}
          onStarted={() => setFormMode(null)}
        />
        {latest === null && (
          <section className="vote" aria-labelledby="vote-items-title">
            <h2 id="vote-items-title">What the group can vote on</h2>
            <VoteItemList groups={allItems} round={null} myDots={{}} />
          </section>
        )}
      </>
    );
  } else {
    main = (
      <section className="vote" aria-labelledby="results-title">
        <div className="panel vote-results__head">
          <h2 id="results-title">Results: {latest.label}</h2>
          <p>
            {latest.voterCount === 1 ? '1 person' : `${latest.voterCount} people`} voted
            {latest.closedAt !== null && `; closed ${formatMoment(latest.closedAt)}`}. Items with the same number of dots are
            tied.
          </p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => setFormMode('runoff')}>
              Run-off…
            </button>
            <button type="button" className="button" onClick={() => setFormMode('all')}>
              Start another vote…
            </button>
          </div>
        </div>
        <RoundRanking board={board} round={latest} />
      </section>
    );
  }

  return (
    <>
      {main}
      <EarlierRounds board={board} rounds={open || formMode !== null ? closed : closed.slice(0, -1)} />
      <AwarenessSection board={board} />
    </>
  );
}
