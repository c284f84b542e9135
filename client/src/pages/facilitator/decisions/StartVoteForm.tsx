import { type FormEvent, useId, useMemo, useState } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { votableItems } from '../../../../../shared/domain/votingCommands';
import { DEFAULT_DOTS_PER_PERSON, DEFAULT_MAX_DOTS_PER_ITEM, MAX_DOTS_PER_PERSON } from '../../../../../shared/limits';
import type { VoteRound } from '../../../../../shared/records/VoteRound';
import { countDots, countItems } from '../../../components/decisions/decisionCopy';
import { itemsByPrompt, type RankedItem, rankItems } from '../../../components/decisions/decisionSelectors';
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
  const choices = useMemo(() => choicesByPrompt(board, basis), [board, basis]);
  const mayFacilitatorVote = board.meta.settings.facilitatorParticipates;
  const [label, setLabel] = useState(isRunOff ? 'Run-off' : `Round ${roundNumber}`);
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
      fail(`Dots per person must be between 1 and ${MAX_DOTS_PER_PERSON}.`);
      return;
    }
    if (!(maxPerItem >= 1 && maxPerItem <= dotsPerPerson)) {
      fail('The most dots on one item must be between 1 and the dots per person.');
      return;
    }
    if (isLimited && selected.size === 0) {
      fail('Choose at least one item for the run-off.');
      return;
    }
    if (label.trim() === '') {
      fail('Give the vote a name, such as “Round 1”.');
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
      <h2 id="vote-form-title">{isRunOff ? 'Start a run-off' : 'Start a vote'}</h2>
      <p className="hint">
        Everyone gets the same number of dots to put on the themes and notes that matter most to them. Nobody sees the totals, you
        included, until you close the vote.
      </p>
      <div className="vote-form__fields">
        <div className="field">
          <label htmlFor={ids.label}>Name of the vote</label>
          <input id={ids.label} className="input" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field field--number">
          <label htmlFor={ids.dots}>Dots per person</label>
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
          <label htmlFor={ids.cap}>Most dots on one item</label>
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
        I vote too
      </label>
      <p id={ids.hint} className="hint">
        {mayFacilitatorVote
          ? 'Your dots are as secret as everyone’s. If your screen is shared, place them from your phone.'
          : 'To vote, first tick “I take part in writing notes” under Purpose and settings.'}
      </p>
      <fieldset className="choices vote-form__scope">
        <legend>What to vote on</legend>
        <label className="check">
          <input type="radio" name={ids.scope} checked={!isLimited} onChange={() => setIsLimited(false)} />
          Everything: every theme and every note in no theme of the questions to agree on ({countItems(votableCount)})
        </label>
        <label className="check">
          <input type="radio" name={ids.scope} checked={isLimited} onChange={() => setIsLimited(true)} />
          Only the items I choose (a run-off)
        </label>
      </fieldset>
      {isLimited && (
        <fieldset className="runoff">
          <legend>
            Items in the run-off <span className="optional">({countItems(selected.size)} chosen)</span>
          </legend>
          {basis?.tallies && (
            <div className="runoff__top">
              <label htmlFor={ids.top}>Top of each question</label>
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
                Choose the top {Math.max(1, Number.parseInt(top, 10) || 1)} from {basis.label}
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
                        {count !== null && <span className="runoff__count"> · {countDots(count)}</span>}
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
          {isRunOff || isLimited ? 'Start the run-off' : 'Start the vote'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
