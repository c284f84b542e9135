import type { BoardState } from '../../../../shared/domain/state';
import { useT } from '../../i18n/i18n';
import { itemsByPrompt } from './decisionSelectors';
import { ItemSummary } from './ItemSummary';

/** Awareness-only prompts: not voted on nor decided, kept so that people understand each other. */
export function AwarenessSection({ board }: { readonly board: BoardState }) {
  const t = useT();
  const groups = itemsByPrompt(board, 'awareness').filter(({ items }) => items.length > 0);
  if (groups.length === 0) return null;
  return (
    <section className="awareness" aria-labelledby="awareness-title">
      <h2 id="awareness-title" className="awareness__title">
        {t('decisions.awareness.title')}
      </h2>
      <p className="hint">{t('decisions.awareness.hint')}</p>
      {groups.map(({ prompt, items }) => (
        <section key={prompt.id} className="awareness__prompt" aria-labelledby={`awareness-prompt-${prompt.id}`}>
          <h3 id={`awareness-prompt-${prompt.id}`} className="awareness__prompt-title">
            {prompt.text}
          </h3>
          <ul className="awareness__items">
            {items.map((item) => (
              <li key={item.id} className="awareness__item">
                <ItemSummary item={item} isOpen />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
