import { useEffect, useRef, useState } from 'react';
import type { RuleSettings } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import type { Prompt } from '../../../../../shared/records/Prompt';
import type { Proposal } from '../../../../../shared/records/Proposal';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import type { BoardItem, Standing } from '../../../components/decisions/decisionSelectors';
import { ItemSummary } from '../../../components/decisions/ItemSummary';
import { ProposalOutcome } from '../../../components/decisions/ProposalOutcome';
import { ProposalRounds } from '../../../components/decisions/ProposalRounds';
import { quoted } from '../../../copy';
import { useT } from '../../../i18n/i18n';
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
  const t = useT();
  const [isDrafting, setIsDrafting] = useState(false);
  const draftButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const latest = rounds.at(-1) ?? null;
  const agreement = latest && [...board.agreements.values()].find((a) => a.proposalId === latest.id);
  const isLocked = agreement?.status === 'locked';
  const title = item ? item.name : (latest?.statement ?? t('facilitator.decide.theme.free'));
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

  const isOpen = latest?.status === 'open';
  const isReopened = latest?.status === 'passed' && !isLocked;
  const canRevise = latest?.status === 'failed';
  const canPropose = latest === null || (latest.status === 'passed' && !isLocked);
  const action = canRevise ? 'revise' : latest === null ? 'first' : 'again';
  const draftTitle = t('facilitator.decide.theme.actionFor', { action, title: quoted(title) });

  return (
    <article
      className={`decision${isLocked ? ' decision--locked' : ''}${isDrafting ? ' decision--drafting' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="decision__head">
        <h4 id={headingId} ref={heading} tabIndex={-1} className="decision__title">
          {item ? item.name : t('facilitator.decide.theme.free')}
        </h4>
        {standing && (
          <p className="decision__standing" data-tally={standing.count}>
            {t('facilitator.decide.theme.standing', { count: standing.count, label: standing.round.label })}
          </p>
        )}
      </header>
      {item && item.notes.length > 0 && <ItemSummary item={item} isNameShown={false} />}
      <ProposalRounds rounds={rounds.slice(0, -1)} />
      {latest && isOpen && <OpenProposalPanel board={board} proposal={latest} ask={ask} />}
      {latest && !isOpen && (
        <div className="decision__latest">
          <p className="open-proposal__label">{t('facilitator.decide.round', { round: latest.round })}</p>
          <p className="proposal__statement">{latest.statement}</p>
          <ProposalOutcome proposal={latest} />
          {isLocked && <p className="decision__locked">{t('facilitator.decide.theme.locked')}</p>}
          {isReopened && (
            <p className="hint">
              {t(latest.kind === 'retire' ? 'facilitator.decide.theme.retired' : 'facilitator.decide.theme.unlocked')}
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
          title={draftTitle}
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
              aria-label={draftTitle}
              onClick={() => setIsDrafting(true)}
            >
              {t('facilitator.decide.theme.action', { action })}…
            </button>
          </div>
        )
      )}
    </article>
  );
}
