import type { ReactNode } from 'react';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import type { AgreementItem } from '../../../../shared/records/AgreementItem';
import { SmartieDetails } from '../agreement/SmartieDetails';
import { formatMoment, RULE_NAMES } from './decisionCopy';
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
  const { counts } = item;
  return (
    <p className="agreement__record">
      Agreed by {RULE_NAMES[item.rule].toLowerCase()} in round {item.round}, {formatMoment(item.decidedAt)}
      {item.version > 1 && ` (version ${item.version})`}:{' '}
      <span className="agreement__counts">
        {counts.agree} agree, {counts.canLive} can live with it, {counts.block} {counts.block === 1 ? 'block' : 'blocks'}
      </span>
    </p>
  );
}

/** How an item left force, in words: "Replaced on 3 Jun 2026, 10:12 by an amendment". */
function endedLine(item: AgreementItem): string {
  const when = item.endedAt === null ? '' : ` on ${formatMoment(item.endedAt)}`;
  return item.status === 'replaced' ? `Replaced${when} by new wording` : `Retired${when} by a round`;
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
  if (last === null) return 'Nothing agreed yet.';
  const what = last.status === 'retired' ? 'was retired' : 'was replaced';
  return `Nothing in force: “${last.statement}” ${what} in version ${versionEndedIn(board, last)}.`;
}

/** Earlier wordings and retired items of one question, folded away (open when nothing else is left): the record keeps them. */
export function EndedItems({ items, isOpen = false }: { readonly items: readonly AgreementItem[]; readonly isOpen?: boolean }) {
  if (items.length === 0) return null;
  return (
    <details className="agreement__ended" open={isOpen}>
      <summary>{items.length === 1 ? '1 earlier or retired item' : `${items.length} earlier or retired items`}</summary>
      <ul className="agreement__items">
        {items.map((item) => (
          <li key={item.id} className="agreement__item agreement__item--ended">
            <p className="agreement__status">{item.status === 'replaced' ? 'Earlier wording' : 'Retired'}</p>
            <p className="agreement__statement">{item.statement}</p>
            <p className="agreement__record">{endedLine(item)}.</p>
            <DecisionRecord item={item} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What the group agreed, per question, each statement with its decision record. */
export function AgreementColumn({ board, renderActions, isCompact = false }: AgreementColumnProps) {
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
        <LockIcon /> Our agreement
      </h2>
      <p className="agreement__summary">
        {lockedCount > 0
          ? `${lockedCount === 1 ? '1 statement' : `${lockedCount} statements`} agreed and locked.`
          : board.agreements.size > 0
            ? 'No statement is locked right now.'
            : 'Nothing agreed yet. Statements that pass a round are locked here.'}
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
                    <LockIcon isOpen={item.status === 'unlocked'} />
                    {item.status === 'locked' ? 'Locked' : 'Unlocked'}
                  </p>
                  <p className="agreement__statement">{item.statement}</p>
                  <DecisionRecord item={item} />
                  {item.status === 'unlocked' && item.unlockedAt !== null && (
                    <p className="agreement__unlocked">
                      Unlocked on {formatMoment(item.unlockedAt)} because “{item.unlockReason}”
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
