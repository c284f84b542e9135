import { useMemo } from 'react';
import { boardRule } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { itemsByPrompt, standings } from '../../../components/decisions/decisionSelectors';
import { useT } from '../../../i18n/i18n';
import { PromptDecisions } from './PromptDecisions';

/** Per question to agree on: themes ranked by the last vote, each with its consensus rounds. */
export function DecideStage({ board, ask }: { readonly board: BoardState; readonly ask: (request: ConfirmRequest) => void }) {
  const t = useT();
  const groups = useMemo(() => itemsByPrompt(board, 'align'), [board]);
  const standing = useMemo(() => standings(board), [board]);
  const defaults = boardRule(board.meta.settings);

  return (
    <section className="decide" aria-labelledby="decide-title">
      <h2 id="decide-title">{t('facilitator.decide.stage.proposals')}</h2>
      <p className="hint">{t('facilitator.decide.stage.hint')}</p>
      {groups.map(({ prompt, items }) => (
        <PromptDecisions
          key={prompt.id}
          board={board}
          prompt={prompt}
          items={items}
          standing={standing}
          defaults={defaults}
          ask={ask}
        />
      ))}
    </section>
  );
}
