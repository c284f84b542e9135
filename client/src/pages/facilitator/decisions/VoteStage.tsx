import { useMemo, useState } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { openVoteRound } from '../../../../../shared/domain/votingCommands';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { AwarenessSection } from '../../../components/decisions/AwarenessSection';
import { itemsByPrompt, sortedRounds } from '../../../components/decisions/decisionSelectors';
import { EarlierRounds } from '../../../components/decisions/EarlierRounds';
import { RoundRanking } from '../../../components/decisions/RoundRanking';
import { VoteItemList } from '../../../components/decisions/VoteItemList';
import { formatDate } from '../../../i18n/format';
import { useLocale, useT } from '../../../i18n/i18n';
import { OpenVotePanel } from './OpenVotePanel';
import { StartVoteForm } from './StartVoteForm';

type FormMode = 'all' | 'runoff';

/** When a vote closed, as people read dates in their language: "3 May 2026, 14:05". */
const MOMENT_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Start a vote, watch how many have voted, close it, then read the ranking and run a run-off. */
export function VoteStage({ board, ask }: { readonly board: BoardState; readonly ask: (request: ConfirmRequest) => void }) {
  const t = useT();
  const locale = useLocale();
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
            <h2 id="vote-items-title">{t('facilitator.decide.vote.canVoteOn')}</h2>
            <VoteItemList groups={allItems} round={null} myDots={{}} />
          </section>
        )}
      </>
    );
  } else {
    main = (
      <section className="vote" aria-labelledby="results-title">
        <div className="panel vote-results__head">
          <h2 id="results-title">{t('facilitator.decide.vote.results', { label: latest.label })}</h2>
          <p>
            {t('facilitator.decide.vote.voted', {
              count: latest.voterCount,
              closed: latest.closedAt === null ? 'none' : formatDate(locale, latest.closedAt, MOMENT_FORMAT),
            })}
          </p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => setFormMode('runoff')}>
              {t('facilitator.decide.vote.runOffMore')}
            </button>
            <button type="button" className="button" onClick={() => setFormMode('all')}>
              {t('facilitator.decide.vote.another')}
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
