import type { ReactNode } from 'react';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import type { AgreementItem } from '../../../../shared/records/AgreementItem';
import { SmartieDetails } from '../agreement/SmartieDetails';
import { translate, useT } from '../../i18n/i18n';
import { formatMoment } from './decisionCopy';
import { agreementsOfPrompt } from './decisionSelectors';
import { LockIcon } from './LockIcon';

export interface AgreementColumnProps {
  readonly board: BoardState;
  /** Extra controls per item (the facilitator's Unlock, action details). */
  readonly renderActions?: (item: AgreementItem) => ReactNode;
  /** Leaves out questions with nothing agreed (a participant's phone has no room for empty headings). */
  readonly isCompact?: boolean;
}

export function DecisionRecord({ item }: { readonly item: AgreementItem }) {
  const t = useT();
  const { counts } = item;
  return (
    <p className="agreement__record">
      {t('decisions.agreement.record', {
        rule: item.rule,
        round: item.round,
        when: formatMoment(item.decidedAt),
        version: item.version,
      })}{' '}
      <span className="agreement__counts">
        {t('decisions.agreement.counts', { agree: counts.agree, canLive: counts.canLive, block: counts.block })}
      </span>
    </p>
  );
}

/** How an item left force, in words: "Replaced on 3 Jun 2026, 10:12 by an amendment". */
function endedLine(item: AgreementItem): string {
  const when = item.endedAt === null ? 'none' : formatMoment(item.endedAt);
  return translate(item.status === 'replaced' ? 'decisions.agreement.endedReplaced' : 'decisions.agreement.endedRetired', {
    when,
  });
}

/** The version an item left force in: the versions closed before it ended, plus the one then open. */
function versionEndedIn(board: BoardState, item: AgreementItem): number {
  const endedAt = item.endedAt ?? Number.POSITIVE_INFINITY;
  return 1 + [...board.versions.values()].filter((v) => v.closedAt <= endedAt).length;
}

/**
 * What a question with nothing in force says when it once had an agreement: what happened to the
 * last one ("“…” was retired in version 2"), not "Nothing agreed yet", which would be untrue.
 */
export function nothingInForceLine(board: BoardState, ended: readonly AgreementItem[]): string {
  const last = ended.reduce<AgreementItem | null>((a, b) => (a === null || (b.endedAt ?? 0) > (a.endedAt ?? 0) ? b : a), null);
  if (last === null) return translate('decisions.agreement.nothingYet');
  return translate('decisions.agreement.nothingInForce', {
    statement: last.statement,
    status: last.status,
    version: versionEndedIn(board, last),
  });
}

/** Earlier wordings and retired items of one question, folded away (open when nothing else is left): the record keeps them. */
export function EndedItems({ items, isOpen = false }: { readonly items: readonly AgreementItem[]; readonly isOpen?: boolean }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <details className="agreement__ended" open={isOpen}>
      <summary>{t('decisions.agreement.endedCount', { count: items.length })}</summary>
      <ul className="agreement__items">
        {items.map((item) => (
          <li key={item.id} className="agreement__item agreement__item--ended">
            <p className="agreement__status">
              {t(item.status === 'replaced' ? 'decisions.agreement.earlierWording' : 'decisions.agreement.retired')}
            </p>
            <p className="agreement__statement">{item.statement}</p>
            <p className="agreement__record">{endedLine(item)}.</p>
            <DecisionRecord item={item} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** An item in the agreement whose lock was lifted for rework. */
function isUnlocked(item: AgreementItem): boolean {
  return item.status === 'unlocked';
}

/** What the group agreed, per question, each statement with its decision record. */
export function AgreementColumn({ board, renderActions, isCompact = false }: AgreementColumnProps) {
  const t = useT();
  const prompts = sortedPrompts(board).filter((p) => p.kind === 'align');
  const sections = prompts
    .map((prompt) => {
      const all = agreementsOfPrompt(board, prompt.id);
      return {
        prompt,
        items: all.filter((a) => a.status === 'locked' || a.status === 'unlocked'),
        ended: all.filter((a) => a.status === 'replaced' || a.status === 'retired'),
      };
    })
    .filter(({ items }) => !isCompact || items.length > 0);
  const lockedCount = [...board.agreements.values()].filter((a) => a.status === 'locked').length;
  return (
    <section className="agreement" aria-labelledby="agreement-title">
      <h2 id="agreement-title" className="agreement__title">
        <LockIcon /> {t('decisions.agreement.title')}
      </h2>
      <p className="agreement__summary">
        {lockedCount > 0
          ? t('decisions.agreement.summaryLocked', { count: lockedCount })
          : t(board.agreements.size > 0 ? 'decisions.agreement.noneLocked' : 'decisions.agreement.nothingYetLong')}
      </p>
      {sections.map(({ prompt, items, ended }) => (
        <section key={prompt.id} className="agreement__prompt" aria-labelledby={`agreement-prompt-${prompt.id}`}>
          <h3 id={`agreement-prompt-${prompt.id}`} className="agreement__prompt-title">
            {prompt.text}
          </h3>
          {items.length === 0 ? (
            <p className="hint">{nothingInForceLine(board, ended)}</p>
          ) : (
            <ul className="agreement__items">
              {items.map((item) => (
                <li key={item.id} className={`agreement__item agreement__item--${item.status}`}>
                  <p className="agreement__status">
                    <LockIcon isOpen={isUnlocked(item)} />
                    {t(item.status === 'locked' ? 'decisions.agreement.locked' : 'decisions.agreement.unlocked')}
                  </p>
                  <p className="agreement__statement">{item.statement}</p>
                  <DecisionRecord item={item} />
                  {isUnlocked(item) && item.unlockedAt !== null && (
                    <p className="agreement__unlocked">
                      {t('decisions.agreement.unlockedBecause', {
                        when: formatMoment(item.unlockedAt),
                        reason: item.unlockReason ?? '',
                      })}
                    </p>
                  )}
                  <SmartieDetails smartie={item.smartie} />
                  {renderActions?.(item)}
                </li>
              ))}
            </ul>
          )}
          {!isCompact && <EndedItems items={ended} isOpen={items.length === 0} />}
        </section>
      ))}
    </section>
  );
}
