import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import type { AgreementItem } from '../../../../shared/records/AgreementItem';
import type { Prompt } from '../../../../shared/records/Prompt';
import { DecisionRecord, EndedItems } from '../decisions/AgreementColumn';
import { useT } from '../../i18n/i18n';
import { RESPONSE_NAME_KEYS } from '../decisions/decisionCopy';
import { agreementsOfPrompt, itemsByPrompt } from '../decisions/decisionSelectors';
import { TagBadge } from '../TagBadge';
import { SmartieDetails } from './SmartieDetails';
import './agreement.css';

export interface AgreementTableProps {
  readonly board: BoardState;
  /** The printed document: reasons written out (a folded list does not print), no history. */
  readonly isPrint?: boolean;
  /** Prefix for heading ids, unique on the page (the screen and the print copy coexist). */
  readonly idPrefix: string;
}

/** "Meet between 11 and 1 · 3 notes, 1 need". */
function Heard({ board, prompt }: { readonly board: BoardState; readonly prompt: Prompt }) {
  const t = useT();
  const items = itemsByPrompt(board, prompt.kind).find((g) => g.prompt.id === prompt.id)?.items ?? [];
  if (items.length === 0) return <p className="hint">{t('agreement.nothingShared')}</p>;
  return (
    <ul className="agreement-table__heard-list">
      {items.map((item) => {
        const needs = item.notes.filter((n) => n.tag === 'need').length;
        const [only] = item.notes;
        return (
          <li key={item.id}>
            {item.theme === null && only ? (
              <>
                {only.text}
                {only.author && <span className="agreement-table__author"> ({only.author})</span>}{' '}
                {only.tag && <TagBadge tag={only.tag} />}
              </>
            ) : (
              <>
                <strong>{item.name}</strong>{' '}
                <span className="agreement-table__count">· {t('agreement.heardCount', { notes: item.notes.length, needs })}</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The reasons people gave in the round that passed an item, without names: the "why" of the record. */
function Reasons({
  board,
  item,
  isPrint,
}: {
  readonly board: BoardState;
  readonly item: AgreementItem;
  readonly isPrint: boolean;
}) {
  const t = useT();
  const reasons = board.proposals.get(item.proposalId)?.outcome?.reasons ?? [];
  if (reasons.length === 0) return null;
  const list = (
    <ul className="agreement-table__reasons">
      {reasons.map((reason, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a closed round's reasons never change.
        <li key={i}>
          <span className="agreement-table__reason-kind">
            {t('agreement.reasonKind', { answer: t(RESPONSE_NAME_KEYS[reason.response]) })}
          </span>{' '}
          {reason.text}
        </li>
      ))}
    </ul>
  );
  if (isPrint)
    return (
      <div className="agreement-table__why">
        <p className="agreement-table__why-title">{t('agreement.reasonsPrint', { count: reasons.length })}</p>
        {list}
      </div>
    );
  return (
    <details className="agreement-table__why">
      <summary>{t('agreement.reasons', { count: reasons.length })}</summary>
      {list}
    </details>
  );
}

/**
 * The agreement as the seed's example table: per question, what we heard (themes with their note
 * counts) and what we agreed, each agreed item with its decision record. On a phone the three
 * columns stack, each part with its own label.
 */
export function AgreementTable({ board, isPrint = false, idPrefix }: AgreementTableProps) {
  const t = useT();
  const prompts = sortedPrompts(board).filter((p) => p.kind === 'align');
  const titleId = `${idPrefix}-agreement`;
  return (
    <section className="agreement-table" aria-labelledby={titleId}>
      <h2 id={titleId} className="agreement-table__title">
        {t('agreement.title')}
      </h2>
      <div className="agreement-table__head" aria-hidden="true">
        <span>{t('agreement.question')}</span>
        <span>{t('agreement.heard')}</span>
        <span>{t('agreement.agreed')}</span>
      </div>
      {prompts.length === 0 && <p className="hint">{t('agreement.noQuestion')}</p>}
      {prompts.map((prompt) => {
        const all = agreementsOfPrompt(board, prompt.id);
        const inForce = all.filter((a) => a.status === 'locked');
        const ended = all.filter((a) => a.status === 'replaced' || a.status === 'retired');
        const rowId = `${idPrefix}-row-${prompt.id}`;
        return (
          <section key={prompt.id} className="agreement-table__row" aria-labelledby={rowId}>
            <h3 id={rowId} className="agreement-table__prompt">
              {prompt.text}
            </h3>
            <div className="agreement-table__cell agreement-table__heard">
              <h4 className="agreement-table__label">{t('agreement.heard')}</h4>
              <Heard board={board} prompt={prompt} />
            </div>
            <div className="agreement-table__cell agreement-table__agreed">
              <h4 className="agreement-table__label">{t('agreement.agreed')}</h4>
              {inForce.length === 0 ? (
                <p className="hint">{t('agreement.nothingAgreed')}</p>
              ) : (
                <ul className="agreement-table__items">
                  {inForce.map((item) => (
                    <li key={item.id} className="agreement-table__item">
                      <p className="agreement-table__statement">{item.statement}</p>
                      <DecisionRecord item={item} />
                      <SmartieDetails smartie={item.smartie} />
                      <Reasons board={board} item={item} isPrint={isPrint} />
                    </li>
                  ))}
                </ul>
              )}
              {!isPrint && <EndedItems items={ended} />}
            </div>
          </section>
        );
      })}
    </section>
  );
}
