import type { BoardState } from '../../../../shared/domain/state';
import type { Proposal } from '../../../../shared/records/Proposal';
import { useT } from '../../i18n/i18n';
import { themeColorClass, themePosition } from '../themeColor';
import { ChangeSummary } from './ChangeSummary';

/** Which question (and theme) a statement answers, and what it changes: a statement read alone can lose its meaning. */
export function ProposalContext({ board, proposal }: { readonly board: BoardState; readonly proposal: Proposal }) {
  const t = useT();
  const prompt = board.prompts.get(proposal.promptId);
  const theme = proposal.themeId === null ? null : board.themes.get(proposal.themeId);
  return (
    <>
      <p className="proposal__context">
        {prompt && <span>{t('decisions.context.about', { prompt: prompt.text })}</span>}
        {theme && (
          <span>
            {' · '}
            <span className={`theme-chip ${themeColorClass(themePosition(board, theme))}`}>
              {t('decisions.context.theme', { name: theme.name })}
            </span>
          </span>
        )}
      </p>
      <ChangeSummary board={board} proposal={proposal} />
    </>
  );
}
