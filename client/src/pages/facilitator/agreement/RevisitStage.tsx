import { useMemo } from 'react';
import { boardRule } from '../../../../../shared/domain/decisionRules';
import { type BoardState, sortedPrompts } from '../../../../../shared/domain/state';
import { CheckInLine } from '../../../components/agreement/CheckInLine';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { agreementsOfPrompt } from '../../../components/decisions/decisionSelectors';
import { EMPHASIS_MARK, Emphasized } from '../../../components/decisions/Emphasized';
import { useT } from '../../../i18n/i18n';
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
  const t = useT();
  const { meta } = board;
  const version = { version: meta.version };
  const defaults = boardRule(board.meta.settings);
  const since = useMemo(() => Math.max(0, ...[...board.versions.values()].map((v) => v.closedAt)), [board.versions]);
  const prompts = sortedPrompts(board).filter((p) => p.kind === 'align');

  const collectAnswers = () =>
    ask({
      title: t('facilitator.agreement.revisit.collectTitle'),
      message: t('facilitator.agreement.revisit.collectMessage'),
      confirmLabel: t('facilitator.agreement.revisit.collectConfirm'),
      // The move itself is announced to everyone ("Now: Reflect").
      onConfirm: () => void changePhase('reflect'),
    });

  return (
    <section className="revisit" aria-labelledby="revisit-title">
      <div className="panel revisit__intro">
        <h2 id="revisit-title">{t('facilitator.agreement.revisit.heading', version)}</h2>
        <p>{t('facilitator.agreement.revisit.intro')}</p>
        <ul className="revisit__ways">
          <li>
            <Emphasized sentence={t('facilitator.agreement.revisit.wayAmend', { verb: EMPHASIS_MARK })}>
              {t('facilitator.agreement.revisit.wayAmendVerb')}
            </Emphasized>
          </li>
          <li>
            <Emphasized sentence={t('facilitator.agreement.revisit.wayRetire', { verb: EMPHASIS_MARK })}>
              {t('facilitator.agreement.revisit.wayRetireVerb')}
            </Emphasized>
          </li>
          <li>
            <Emphasized sentence={t('facilitator.agreement.revisit.wayAdd', { verb: EMPHASIS_MARK })}>
              {t('facilitator.agreement.revisit.wayAddVerb')}
            </Emphasized>
          </li>
        </ul>
        <CheckInLine board={board} downloadKey={facilitatorKeyFor(meta.id)} />
        <p className="hint">{t('facilitator.agreement.revisit.whenDone', version)}</p>
        <div className="actions">
          <button type="button" className="button" onClick={collectAnswers}>
            {t('facilitator.agreement.revisit.collect')}
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
            <h3 id={headingId} className="decide-prompt__title" dir="auto">
              {prompt.text}
            </h3>
            {inForce.length === 0 && <p className="hint">{t('facilitator.agreement.revisit.nothingInForce')}</p>}
            <div className="decide-prompt__items">
              {inForce.map((item) => (
                <RevisitItem key={item.id} board={board} item={item} defaults={defaults} since={since} ask={ask} />
              ))}
            </div>
            {retired.length > 0 && (
              <ul className="revisit__retired">
                {retired.map((item) => (
                  <li key={item.id}>
                    <span className="status-pill status-pill--retired">
                      {t('facilitator.agreement.revisit.retiredIn', version)}
                    </span>{' '}
                    <bdi>{item.statement}</bdi>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <details className="panel revisit__add">
        <summary className="panel__summary">{t('facilitator.agreement.revisit.addQuestion', version)}</summary>
        <AddPromptForm />
      </details>
    </section>
  );
}
