import type { ReactNode } from 'react';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import type { AgreementItem } from '../../../../shared/records/AgreementItem';
import { formatMoment, RULE_NAMES } from './decisionCopy';
import { agreementsOfPrompt } from './decisionSelectors';
import { LockIcon } from './LockIcon';

export interface AgreementColumnProps {
  readonly board: BoardState;
  /** Extra controls per item (the facilitator's Unlock). */
  readonly renderActions?: (item: AgreementItem) => ReactNode;
  /** Leaves out questions with nothing agreed (a participant's phone has no room for empty headings). */
  readonly isCompact?: boolean;
}

function DecisionRecord({ item }: { readonly item: AgreementItem }) {
  const { counts } = item;
  return (
    <p className="agreement__record">
      Agreed by {RULE_NAMES[item.rule].toLowerCase()} in round {item.round}, {formatMoment(item.decidedAt)}:{' '}
      <span className="agreement__counts">
        {counts.agree} agree, {counts.canLive} can live with it, {counts.block} {counts.block === 1 ? 'block' : 'blocks'}
      </span>
    </p>
  );
}

/** What the group agreed, per question, each statement with its decision record. */
export function AgreementColumn({ board, renderActions, isCompact = false }: AgreementColumnProps) {
  const prompts = sortedPrompts(board).filter((p) => p.kind === 'align');
  const sections = prompts
    .map((prompt) => ({ prompt, items: agreementsOfPrompt(board, prompt.id) }))
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
      {sections.map(({ prompt, items }) => (
        <section key={prompt.id} className="agreement__prompt" aria-labelledby={`agreement-prompt-${prompt.id}`}>
          <h3 id={`agreement-prompt-${prompt.id}`} className="agreement__prompt-title">
            {prompt.text}
          </h3>
          {items.length === 0 ? (
            <p className="hint">Nothing agreed yet.</p>
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
                  {renderActions?.(item)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
