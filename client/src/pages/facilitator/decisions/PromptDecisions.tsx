import { useEffect, useRef, useState } from 'react';
import type { RuleSettings } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import type { Prompt } from '../../../../../shared/records/Prompt';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { countDots } from '../../../components/decisions/decisionCopy';
import { type BoardItem, byStanding, proposalThreads, type Standing } from '../../../components/decisions/decisionSelectors';
import { ItemSummary } from '../../../components/decisions/ItemSummary';
import { countNotes, quoted } from '../../../copy';
import { ProposalForm } from './ProposalForm';
import { ThemeDecision } from './ThemeDecision';

export interface PromptDecisionsProps {
  readonly board: BoardState;
  readonly prompt: Prompt;
  readonly items: readonly BoardItem[];
  readonly standing: ReadonlyMap<string, Standing>;
  readonly defaults: RuleSettings;
  readonly ask: (request: ConfirmRequest) => void;
}

/** One question to agree on: its themes ranked by the last vote, its free statements, and notes in no theme to start one from. */
export function PromptDecisions({ board, prompt, items, standing, defaults, ask }: PromptDecisionsProps) {
  // The text a new free statement starts from (a note's words, or nothing); null while no form is open.
  const [freeDraft, setFreeDraft] = useState<string | null>(null);
  const freeButton = useRef<HTMLButtonElement>(null);
  const wasDrafting = useRef(false);
  useEffect(() => {
    if (freeDraft === null && wasDrafting.current) freeButton.current?.focus();
    wasDrafting.current = freeDraft !== null;
  }, [freeDraft]);

  const threads = proposalThreads(board, prompt.id);
  const themes = byStanding(
    items.filter((item) => item.theme !== null),
    standing,
  );
  const notes = byStanding(
    items.filter((item) => item.theme === null),
    standing,
  );
  const free = [...threads.entries()].filter(([key]) => !board.themes.has(key));
  const headingId = `decide-prompt-${prompt.id}`;

  return (
    <section className="panel decide-prompt" aria-labelledby={headingId}>
      <h3 id={headingId} className="decide-prompt__title">
        {prompt.text}
      </h3>
      {themes.length + free.length === 0 ? (
        <p className="hint">No themes here. You can propose a free statement, from a note or from scratch.</p>
      ) : (
        <div className="decide-prompt__items">
          {themes.map((item) => (
            <ThemeDecision
              key={item.id}
              board={board}
              prompt={prompt}
              item={item}
              rounds={threads.get(item.id) ?? []}
              standing={standing.get(item.id)}
              defaults={defaults}
              ask={ask}
            />
          ))}
          {free.map(([key, rounds]) => (
            <ThemeDecision
              key={key}
              board={board}
              prompt={prompt}
              item={null}
              rounds={rounds}
              standing={undefined}
              defaults={defaults}
              ask={ask}
            />
          ))}
        </div>
      )}
      {notes.length > 0 && (
        <details className="decide-prompt__notes">
          <summary>{countNotes(notes.length)} in no theme</summary>
          <ul className="vote-items">
            {notes.map((item) => {
              const dots = standing.get(item.id);
              return (
                <li key={item.id} className="vote-item">
                  <ItemSummary item={item} />
                  {dots && (
                    <span className="decision__standing" data-tally={dots.count}>
                      {countDots(dots.count)}
                    </span>
                  )}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Propose a statement from the note ${quoted(item.name)}`}
                    onClick={() => setFreeDraft(item.name)}
                  >
                    Propose from this note…
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
      {freeDraft !== null ? (
        <ProposalForm
          key={freeDraft}
          promptId={prompt.id}
          themeId={null}
          initialStatement={freeDraft}
          previous={null}
          defaults={defaults}
          title={`A free statement for ${quoted(prompt.text)}`}
          onDone={() => setFreeDraft(null)}
          onCancel={() => setFreeDraft(null)}
        />
      ) : (
        <div className="actions">
          <button
            ref={freeButton}
            type="button"
            className="button button--small"
            aria-label={`Propose a free statement for ${quoted(prompt.text)}`}
            onClick={() => setFreeDraft('')}
          >
            Propose a free statement…
          </button>
        </div>
      )}
    </section>
  );
}
