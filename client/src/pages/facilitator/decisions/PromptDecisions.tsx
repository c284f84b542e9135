import { useEffect, useRef, useState } from 'react';
import type { RuleSettings } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import type { Prompt } from '../../../../../shared/records/Prompt';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { type BoardItem, byStanding, proposalThreads, type Standing } from '../../../components/decisions/decisionSelectors';
import { ItemSummary } from '../../../components/decisions/ItemSummary';
import { quoted } from '../../../copy';
import { useT } from '../../../i18n/i18n';
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
  const t = useT();
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
        <p className="hint">{t('facilitator.decide.prompt.noThemes')}</p>
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
          <summary>{t('facilitator.decide.prompt.notesInNoTheme', { count: notes.length })}</summary>
          <ul className="vote-items">
            {notes.map((item) => {
              const dots = standing.get(item.id);
              return (
                <li key={item.id} className="vote-item">
                  <ItemSummary item={item} />
                  {dots && (
                    <span className="decision__standing" data-tally={dots.count}>
                      {t('decisions.ranking.dots', { count: dots.count })}
                    </span>
                  )}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('facilitator.decide.prompt.fromNoteLabel', { note: quoted(item.name) })}
                    onClick={() => setFreeDraft(item.name)}
                  >
                    {t('facilitator.decide.prompt.fromNote')}
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
          title={t('facilitator.decide.prompt.freeTitle', { prompt: quoted(prompt.text) })}
          onDone={() => setFreeDraft(null)}
          onCancel={() => setFreeDraft(null)}
        />
      ) : (
        <div className="actions">
          <button
            ref={freeButton}
            type="button"
            className="button button--small"
            aria-label={t('facilitator.decide.prompt.freeLabel', { prompt: quoted(prompt.text) })}
            onClick={() => setFreeDraft('')}
          >
            {t('facilitator.decide.prompt.free')}
          </button>
        </div>
      )}
    </section>
  );
}
