import { useMemo } from 'react';
import { boardRule } from '../../../../../shared/domain/decisionRules';
import { type BoardState, sortedPrompts } from '../../../../../shared/domain/state';
import { CheckInLine } from '../../../components/agreement/CheckInLine';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { agreementsOfPrompt } from '../../../components/decisions/decisionSelectors';
import { facilitatorKeyFor } from '../../../storage';
import { changePhase } from '../../../sync/commands';
import { AddPromptForm } from '../AddPromptForm';
import { RevisitItem } from './RevisitItem';

/**
 * Revisit (seed 000, step 4): the group asks whether its agreement still works. Each item in
 * force can be amended or retired through a round; only what changes needs one. New items go
 * through the usual steps, starting with new answers.
 */
export function RevisitStage({ board, ask }: { readonly board: BoardState; readonly ask: (request: ConfirmRequest) => void }) {
  const { meta } = board;
  const defaults = boardRule(board.meta.settings);
  const since = useMemo(() => Math.max(0, ...[...board.versions.values()].map((v) => v.closedAt)), [board.versions]);
  const prompts = sortedPrompts(board).filter((p) => p.kind === 'align');

  const collectAnswers = () =>
    ask({
      title: 'Collect new answers?',
      message:
        'The workshop moves to Reflect: everyone can write new answers to the questions, then you share, group, vote and decide as before. The items in force stay in force.',
      confirmLabel: 'Go to Reflect',
      // The move itself is announced to everyone ("Now: Reflect").
      onConfirm: () => void changePhase('reflect'),
    });

  return (
    <section className="revisit" aria-labelledby="revisit-title">
      <div className="panel revisit__intro">
        <h2 id="revisit-title">Revisit: version {meta.version}</h2>
        <p>
          Ask the group: is the agreement still working for everyone, should anything change? Items stay in force as they are
          unless a round changes them, so only what changes needs a round.
        </p>
        <ul className="revisit__ways">
          <li>
            <strong>Amend</strong> an item: write the new wording; the group answers it like any proposal.
          </li>
          <li>
            <strong>Retire</strong> an item the group no longer needs: the group answers that too.
          </li>
          <li>
            <strong>Add</strong> new items: collect new answers, then share, group, vote and decide as before. You can add a
            question first.
          </li>
        </ul>
        <CheckInLine board={board} downloadKey={facilitatorKeyFor(meta.id)} />
        <p className="hint">When you are done, go back to Agreement and close the workshop as version {meta.version}.</p>
        <div className="actions">
          <button type="button" className="button" onClick={collectAnswers}>
            Add items: collect new answers…
          </button>
        </div>
      </div>
      {prompts.map((prompt) => {
        const all = agreementsOfPrompt(board, prompt.id);
        const inForce = all.filter((a) => a.status === 'locked');
        const retired = all.filter((a) => a.status === 'retired' && (a.endedAt ?? 0) >= since);
        const headingId = `revisit-prompt-${prompt.id}`;
        return (
          <section key={prompt.id} className="panel decide-prompt" aria-labelledby={headingId}>
            <h3 id={headingId} className="decide-prompt__title">
              {prompt.text}
            </h3>
            {inForce.length === 0 && <p className="hint">Nothing in force for this question.</p>}
            <div className="decide-prompt__items">
              {inForce.map((item) => (
                <RevisitItem key={item.id} board={board} item={item} defaults={defaults} since={since} ask={ask} />
              ))}
            </div>
            {retired.length > 0 && (
              <ul className="revisit__retired">
                {retired.map((item) => (
                  <li key={item.id}>
                    <span className="status-pill status-pill--retired">Retired in version {meta.version}</span> {item.statement}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <details className="panel revisit__add">
        <summary className="panel__summary">Add a question for version {meta.version}</summary>
        <AddPromptForm />
      </details>
    </section>
  );
}
