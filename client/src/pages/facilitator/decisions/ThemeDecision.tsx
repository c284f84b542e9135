import { useEffect, useRef, useState } from 'react';
import type { RuleSettings } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import type { Prompt } from '../../../../../shared/records/Prompt';
import type { Proposal } from '../../../../../shared/records/Proposal';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { countDots } from '../../../components/decisions/decisionCopy';
import type { BoardItem, Standing } from '../../../components/decisions/decisionSelectors';
import { ItemSummary } from '../../../components/decisions/ItemSummary';
import { ProposalOutcome } from '../../../components/decisions/ProposalOutcome';
import { ProposalRounds } from '../../../components/decisions/ProposalRounds';
import { quoted } from '../../../copy';
import { OpenProposalPanel } from './OpenProposalPanel';
import { ProposalForm } from './ProposalForm';

export interface ThemeDecisionProps {
  readonly board: BoardState;
  readonly prompt: Prompt;
  /** The theme, or null for a free statement. */
  readonly item: BoardItem | null;
  /** Its rounds, oldest first. */
  readonly rounds: readonly Proposal[];
  readonly standing: Standing | undefined;
  readonly defaults: RuleSettings;
  readonly ask: (request: ConfirmRequest) => void;
}

/** One theme (or free statement) on its way to the agreement: propose, watch, close, revise, with its rounds so far. */
export function ThemeDecision({ board, prompt, item, rounds, standing, defaults, ask }: ThemeDecisionProps) {
  const [isDrafting, setIsDrafting] = useState(false);
  const draftButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const latest = rounds.at(-1) ?? null;
  const agreement = latest && [...board.agreements.values()].find((a) => a.proposalId === latest.id);
  const isLocked = agreement?.status === 'locked';
  const title = item ? item.name : (latest?.statement ?? 'Free statement');
  const headingId = `decision-${item?.id ?? latest?.id ?? prompt.id}`;

  const focusNext = useRef<'heading' | 'button' | null>(null);

  // Focus goes where the eye goes next: the new round, or back to the button that opened the form.
  useEffect(() => {
    if (isDrafting || focusNext.current === null) return;
    (focusNext.current === 'heading' ? heading.current : draftButton.current)?.focus();
    focusNext.current = null;
  }, [isDrafting]);

  const stopDrafting = (isDone: boolean) => {
    focusNext.current = isDone ? 'heading' : 'button';
    setIsDrafting(false);
  };

  const canRevise = latest?.status === 'failed';
  const canPropose = latest === null || (latest.status === 'passed' && !isLocked);
  const draftLabel = canRevise ? 'Revise and ask again' : latest === null ? 'Propose an agreement' : 'Propose again';

  return (
    <article
      className={`decision${isLocked ? ' decision--locked' : ''}${isDrafting ? ' decision--drafting' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="decision__head">
        <h4 id={headingId} ref={heading} tabIndex={-1} className="decision__title">
          {item ? item.name : 'Free statement'}
        </h4>
        {standing && (
          <p className="decision__standing" data-tally={standing.count}>
            {standing.count === 0 ? 'No dots' : countDots(standing.count)} in {standing.round.label}
          </p>
        )}
      </header>
      {item && item.notes.length > 0 && <ItemSummary item={item} isNameShown={false} />}
      <ProposalRounds rounds={rounds.slice(0, -1)} />
      {latest?.status === 'open' && <OpenProposalPanel board={board} proposal={latest} ask={ask} />}
      {latest && latest.status !== 'open' && (
        <div className="decision__latest">
          <p className="open-proposal__label">Round {latest.round}</p>
          <p className="proposal__statement">{latest.statement}</p>
          <ProposalOutcome proposal={latest} />
          {isLocked && <p className="decision__locked">Locked into the agreement.</p>}
          {latest.status === 'passed' && !isLocked && (
            <p className="hint">
              {latest.kind === 'retire'
                ? 'The group retired this agreement: it can be decided again.'
                : 'Its agreement was unlocked: it can be decided again.'}
            </p>
          )}
        </div>
      )}
      {isDrafting ? (
        <ProposalForm
          promptId={prompt.id}
          themeId={item?.theme ? item.id : null}
          initialStatement={latest?.statement ?? item?.name ?? ''}
          previous={canRevise ? latest : null}
          // A failed amendment or retirement is revised as one: same kind, same agreed item.
          {...(canRevise && latest.kind !== 'adopt' && latest.targetAgreementId !== null
            ? { kind: latest.kind, target: board.agreements.get(latest.targetAgreementId) ?? null }
            : {})}
          defaults={defaults}
          title={`${draftLabel}: ${quoted(title)}`}
          onDone={() => stopDrafting(true)}
          onCancel={() => stopDrafting(false)}
        />
      ) : (
        (canRevise || canPropose) && (
          <div className="actions">
            <button
              ref={draftButton}
              type="button"
              className={`button${canRevise ? ' button--primary' : ''}`}
              aria-label={`${draftLabel}: ${quoted(title)}`}
              onClick={() => setIsDrafting(true)}
            >
              {draftLabel}…
            </button>
          </div>
        )
      )}
    </article>
  );
}
