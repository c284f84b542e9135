import { useMemo } from 'react';
import { boardRule } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { itemsByPrompt, standings } from '../../../components/decisions/decisionSelectors';
import { PromptDecisions } from './PromptDecisions';

/** Per question to agree on: themes ranked by the last vote, each with its consensus rounds. */
export function DecideStage({ board, ask }: { readonly board: BoardState; readonly ask: (request: ConfirmRequest) => void }) {
  const groups = useMemo(() => itemsByPrompt(board, 'align'), [board]);
  const standing = useMemo(() => standings(board), [board]);
  const defaults = boardRule(board.meta.settings);

  return (
    <section className="decide" aria-labelledby="decide-title">
      <h2 id="decide-title">Proposals</h2>
      <p className="hint">
        For a theme, write the agreement the group might make and ask everyone: agree, can live with it, or block. If it does not
        pass, read the reasons together and ask again with a better version.
      </p>
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
