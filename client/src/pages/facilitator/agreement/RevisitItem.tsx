import { useEffect, useRef, useState } from 'react';
import type { RuleSettings } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import { MAX_STATEMENT_CHARS } from '../../../../../shared/limits';
import type { AgreementItem } from '../../../../../shared/records/AgreementItem';
import type { ProposalKind } from '../../../../../shared/records/Proposal';
import { SmartieDetails } from '../../../components/agreement/SmartieDetails';
import { SmartieEditor } from '../../../components/agreement/SmartieEditor';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { DecisionRecord } from '../../../components/decisions/AgreementColumn';
import { ChangeSummary } from '../../../components/decisions/ChangeSummary';
import { EMPHASIS_MARK } from '../../../components/decisions/Emphasized';
import { ProposalOutcome } from '../../../components/decisions/ProposalOutcome';
import { ProposalRounds } from '../../../components/decisions/ProposalRounds';
import { quoted } from '../../../copy';
import { translate, useT } from '../../../i18n/i18n';
import { OpenProposalPanel } from '../decisions/OpenProposalPanel';
import { ProposalForm } from '../decisions/ProposalForm';

/** The statement a retirement round asks about: "Retire: <wording>", within the statement limit. */
export function retireStatement(statement: string): string {
  const text = translate('facilitator.agreement.revisit.retireStatement', { statement });
  return text.length <= MAX_STATEMENT_CHARS ? text : `${text.slice(0, MAX_STATEMENT_CHARS - 1)}…`;
}

/** `sentence` with its EMPHASIS_MARK replaced by `children`, set apart as the earlier wording. */
function Marked({ sentence, children }: { readonly sentence: string; readonly children: string }) {
  const [beforeMark = '', afterMark = ''] = sentence.split(EMPHASIS_MARK);
  return (
    <>
      {beforeMark}
      <span className="revisit-item__before" dir="auto">
        {children}
      </span>
      {afterMark}
    </>
  );
}

export interface RevisitItemProps {
  readonly board: BoardState;
  readonly item: AgreementItem;
  readonly defaults: RuleSettings;
  /** When the last version was closed: what changed after it is "in this version". */
  readonly since: number;
  readonly ask: (request: ConfirmRequest) => void;
}

/** One item in force while revisiting: keep it (nothing to do), amend it or retire it through a round. */
export function RevisitItem({ board, item, defaults, since, ask }: RevisitItemProps) {
  const t = useT();
  const [mode, setMode] = useState<Exclude<ProposalKind, 'adopt'> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const amendButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'heading' | 'button' | null>(null);
  const rounds = [...board.proposals.values()]
    .filter((p) => p.targetAgreementId === item.id)
    .sort((a, b) => a.openedAt - b.openedAt);
  const latest = rounds.at(-1) ?? null;
  const isOpen = latest?.status === 'open';
  const hasFailed = latest?.status === 'failed';
  // The wording this one replaced in this version, if it is itself an amendment.
  const before = [...board.agreements.values()]
    .filter((a) => a.lineageId === item.lineageId && a.status === 'replaced' && (a.endedAt ?? 0) >= since)
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))[0];
  const headingId = `revisit-item-${item.id}`;

  useEffect(() => {
    if (mode !== null || focusNext.current === null) return;
    (focusNext.current === 'heading' ? heading.current : amendButton.current)?.focus();
    focusNext.current = null;
  }, [mode]);

  const stop = (isDone: boolean) => {
    focusNext.current = isDone ? 'heading' : 'button';
    setMode(null);
  };

  return (
    <article className={`decision revisit-item${isOpen ? ' revisit-item--open' : ''}`} aria-labelledby={headingId}>
      <header className="decision__head">
        <h4 id={headingId} ref={heading} tabIndex={-1} className="decision__title" dir="auto">
          {item.statement}
        </h4>
        <span className={`status-pill${before ? ' status-pill--changed' : ''}`}>
          {t(before ? 'facilitator.agreement.revisit.amendedIn' : 'facilitator.agreement.revisit.inForceSince', {
            version: item.version,
          })}
        </span>
      </header>
      {before && (
        <p className="hint">
          <Marked sentence={t('facilitator.agreement.revisit.before', { statement: EMPHASIS_MARK })}>
            {t('facilitator.agreement.revisit.quotedStatement', { statement: before.statement })}
          </Marked>
        </p>
      )}
      <DecisionRecord item={item} />
      <SmartieDetails smartie={item.smartie} />
      <ProposalRounds rounds={rounds.slice(0, -1)} />
      {latest && isOpen && <OpenProposalPanel board={board} proposal={latest} ask={ask} />}
      {latest && hasFailed && (
        <div className="decision__latest">
          <p className="open-proposal__label">{t('facilitator.agreement.revisit.notPassed', { round: latest.round })}</p>
          <ChangeSummary board={board} proposal={latest} />
          <p className="proposal__statement">{latest.statement}</p>
          <ProposalOutcome proposal={latest} />
          <p className="hint">{t('facilitator.agreement.revisit.staysInForce')}</p>
        </div>
      )}
      {mode !== null ? (
        <ProposalForm
          key={mode}
          promptId={item.promptId}
          themeId={item.themeId}
          kind={mode}
          target={item}
          initialStatement={mode === 'retire' ? retireStatement(item.statement) : item.statement}
          previous={latest?.status === 'failed' && latest.kind === mode ? latest : null}
          defaults={defaults}
          title={t(mode === 'amend' ? 'facilitator.agreement.revisit.amendLabel' : 'facilitator.agreement.revisit.retireLabel', {
            statement: quoted(item.statement),
          })}
          onDone={() => stop(true)}
          onCancel={() => stop(false)}
        />
      ) : (
        !isOpen && (
          <div className="actions">
            <button
              ref={amendButton}
              type="button"
              className="button button--small"
              aria-label={t('facilitator.agreement.revisit.amendLabel', { statement: quoted(item.statement) })}
              onClick={() => setMode('amend')}
            >
              {t('facilitator.agreement.revisit.amend')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              aria-label={t('facilitator.agreement.revisit.retireLabel', { statement: quoted(item.statement) })}
              onClick={() => setMode('retire')}
            >
              {t('facilitator.agreement.revisit.retire')}
            </button>
            <SmartieEditor item={item} usesSmartie={board.meta.settings.usesSmartie} />
          </div>
        )
      )}
    </article>
  );
}
