import { type FormEvent, useId, useMemo, useState } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { votableItems } from '../../../../../shared/domain/votingCommands';
import { DEFAULT_DOTS_PER_PERSON, DEFAULT_MAX_DOTS_PER_ITEM, MAX_DOTS_PER_PERSON } from '../../../../../shared/limits';
import type { VoteRound } from '../../../../../shared/records/VoteRound';
import { itemsByPrompt, type RankedItem, rankItems } from '../../../components/decisions/decisionSelectors';
import { useT } from '../../../i18n/i18n';
import { announce } from '../../../store/toastStore';
import { openVoteRound } from '../../../sync/commands';

/** How many items per question a run-off takes from the last ranking, unless the facilitator says otherwise. */
const DEFAULT_RUN_OFF_TOP = 3;

export interface StartVoteFormProps {
  readonly board: BoardState;
  readonly isRunOff: boolean;
  /** The last closed round: its ranking orders the run-off choices and picks the top items. */
  readonly basis: VoteRound | null;
  readonly roundNumber: number;
  readonly onCancel: (() => void) | null;
  readonly onStarted: () => void;
}

/** Items of every align prompt, ranked by the basis round when there is one (unranked items last). */
function choicesByPrompt(board: BoardState, basis: VoteRound | null) {
  return itemsByPrompt(board, 'align')
    .filter(({ items }) => items.length > 0)
    .map(({ prompt, items }) => {
      const ranked: RankedItem[] = basis?.tallies ? rankItems(items, basis.tallies) : [];
      const rankedIds = new Set(ranked.map((r) => r.item.id));
      const rest = items.filter((item) => !rankedIds.has(item.id));
      return { prompt, ranked, rest };
    });
}

function topOf(choices: ReturnType<typeof choicesByPrompt>, top: number): Set<string> {
  // Ties at the edge come along: cutting between two items with the same dots would be arbitrary.
  return new Set(choices.flatMap(({ ranked }) => ranked.filter((r) => r.rank <= top && r.count > 0).map((r) => r.item.id)));
}

/** Settings of a new round: dots, cap per item, whether I vote, and all items or a run-off list. */
export function StartVoteForm({ board, isRunOff, basis, roundNumber, onCancel, onStarted }: StartVoteFormProps) {
  const t = useT();
  const choices = useMemo(() => choicesByPrompt(board, basis), [board, basis]);
  const mayFacilitatorVote = board.meta.settings.facilitatorParticipates;
  const [label, setLabel] = useState(() =>
    isRunOff ? t('facilitator.decide.vote.runOffName') : t('facilitator.decide.round', { round: roundNumber }),
  );
  const [dots, setDots] = useState(String(DEFAULT_DOTS_PER_PERSON));
  const [cap, setCap] = useState(String(DEFAULT_MAX_DOTS_PER_ITEM));
  const [iVote, setIVote] = useState(false);
  const [isLimited, setIsLimited] = useState(isRunOff);
  const [top, setTop] = useState(String(DEFAULT_RUN_OFF_TOP));
  const [selected, setSelected] = useState<ReadonlySet<string>>(() =>
    isRunOff ? topOf(choices, DEFAULT_RUN_OFF_TOP) : new Set(),
  );
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const ids = { scope: useId(), label: useId(), dots: useId(), cap: useId(), top: useId(), error: useId(), hint: useId() };
  const votableCount = votableItems(board).size;

  const toggle = (itemId: string, isOn: boolean) => {
    const next = new Set(selected);
    if (isOn) next.add(itemId);
    else next.delete(itemId);
    setSelected(next);
  };

  const fail = (message: string) => {
    setError(message);
    announce(message, 'error');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    const dotsPerPerson = Number.parseInt(dots, 10);
    const maxPerItem = Number.parseInt(cap, 10);
    if (!(dotsPerPerson >= 1 && dotsPerPerson <= MAX_DOTS_PER_PERSON)) {
      fail(t('facilitator.decide.vote.dotsRange', { max: MAX_DOTS_PER_PERSON }));
      return;
    }
    if (!(maxPerItem >= 1 && maxPerItem <= dotsPerPerson)) {
      fail(t('facilitator.decide.vote.capRange'));
      return;
    }
    if (isLimited && selected.size === 0) {
      fail(t('facilitator.decide.vote.chooseItem'));
      return;
    }
    if (label.trim() === '') {
      fail(t('facilitator.decide.vote.needName'));
      return;
    }
    setError(null);
    setIsSending(true);
    const result = await openVoteRound({
      label: label.trim(),
      dotsPerPerson,
      maxPerItem,
      facilitatorVotes: mayFacilitatorVote && iVote,
      itemIds: isLimited ? [...selected] : null,
    });
    setIsSending(false);
    if (result.ok) onStarted();
    else setError(result.message);
  };

  return (
    <form className="panel vote-form" onSubmit={submit} aria-labelledby="vote-form-title" noValidate>
      <h2 id="vote-form-title">
        {t(isRunOff ? 'facilitator.decide.vote.startRunOffTitle' : 'facilitator.decide.vote.startTitle')}
      </h2>
      <p className="hint">{t('facilitator.decide.vote.hint')}</p>
      <div className="vote-form__fields">
        <div className="field">
          <label htmlFor={ids.label}>{t('facilitator.decide.vote.name')}</label>
          <input id={ids.label} className="input" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field field--number">
          <label htmlFor={ids.dots}>{t('facilitator.decide.vote.dots')}</label>
          <input
            id={ids.dots}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DOTS_PER_PERSON}
            value={dots}
            onChange={(e) => setDots(e.target.value)}
          />
        </div>
        <div className="field field--number">
          <label htmlFor={ids.cap}>{t('facilitator.decide.vote.cap')}</label>
          <input
            id={ids.cap}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DOTS_PER_PERSON}
            value={cap}
            onChange={(e) => setCap(e.target.value)}
          />
        </div>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={mayFacilitatorVote && iVote}
          disabled={!mayFacilitatorVote}
          aria-describedby={ids.hint}
          onChange={(e) => setIVote(e.target.checked)}
        />
        {t('facilitator.decide.vote.iVote')}
      </label>
      <p id={ids.hint} className="hint">
        {t(mayFacilitatorVote ? 'facilitator.decide.vote.secret' : 'facilitator.decide.vote.cannotVote')}
      </p>
      <fieldset className="choices vote-form__scope">
        <legend>{t('facilitator.decide.vote.scope')}</legend>
        <label className="check">
          <input type="radio" name={ids.scope} checked={!isLimited} onChange={() => setIsLimited(false)} />
          {t('facilitator.decide.vote.everything', { count: votableCount })}
        </label>
        <label className="check">
          <input type="radio" name={ids.scope} checked={isLimited} onChange={() => setIsLimited(true)} />
          {t('facilitator.decide.vote.onlyChosen')}
        </label>
      </fieldset>
      {isLimited && (
        <fieldset className="runoff">
          <legend>
            {t('facilitator.decide.vote.runOffItems')}{' '}
            <span className="optional">{t('facilitator.decide.vote.chosen', { count: selected.size })}</span>
          </legend>
          {basis?.tallies && (
            <div className="runoff__top">
              <label htmlFor={ids.top}>{t('facilitator.decide.vote.top')}</label>
              <input
                id={ids.top}
                className="input"
                type="number"
                inputMode="numeric"
                min={1}
                max={50}
                value={top}
                onChange={(e) => setTop(e.target.value)}
              />
              <button
                type="button"
                className="button button--small"
                onClick={() => setSelected(topOf(choices, Math.max(1, Number.parseInt(top, 10) || 1)))}
              >
                {t('facilitator.decide.vote.chooseTop', { top: Math.max(1, Number.parseInt(top, 10) || 1), label: basis.label })}
              </button>
            </div>
          )}
          {choices.map(({ prompt, ranked, rest }) => (
            <div key={prompt.id} className="runoff__prompt">
              <p className="runoff__prompt-title">{prompt.text}</p>
              <ul className="runoff__items">
                {[
                  ...ranked.map((r) => ({ item: r.item, count: r.count as number | null })),
                  ...rest.map((item) => ({ item, count: null })),
                ].map(({ item, count }) => (
                  <li key={item.id}>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={selected.has(item.id)}
                        onChange={(e) => toggle(item.id, e.target.checked)}
                      />
                      <span>
                        {item.name}
                        {count !== null && <span className="runoff__count"> · {t('decisions.ranking.dots', { count })}</span>}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </fieldset>
      )}
      <p id={ids.error} className="form__error">
        {error}
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={isSending}>
          {t(isRunOff || isLimited ? 'facilitator.decide.vote.startRunOff' : 'facilitator.decide.vote.start')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('facilitator.decide.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
