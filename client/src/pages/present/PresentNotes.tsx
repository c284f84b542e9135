import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import { ThemeList } from '../../components/ThemeList';
import { type PromptLayout, writersLine } from '../../components/themeLayout';
import { PROMPT_KIND_KEYS, pendingLine } from '../../copy';
import { type Translate, useT } from '../../i18n/i18n';

function progressLine(layout: PromptLayout, t: Translate): string {
  const { prompt, noteCount, themes } = layout;
  const writers = writersLine(prompt.contributorCount);
  if (!prompt.isRevealed) return `${pendingLine(prompt, t)} · ${writers}`;
  return t('participant.groupCounts', { notes: t('common.noteCount', { count: noteCount }), count: themes.length, writers });
}

/** The spotlighted prompt, large: its themes and notes as they form. */
export function FocusedPrompt({
  layout,
  moving,
  recent,
}: {
  layout: PromptLayout;
  moving: ReadonlySet<string>;
  recent: ReadonlySet<string>;
}) {
  const t = useT();
  return (
    <section className="present__focus" aria-labelledby="present-focus">
      <p className="present__kind">{t(PROMPT_KIND_KEYS[layout.prompt.kind])}</p>
      <h2 id="present-focus" className="present__prompt">
        {layout.prompt.text}
      </h2>
      <p className="present__progress">{progressLine(layout, t)}</p>
      {layout.prompt.isRevealed && layout.noteCount > 0 && <ThemeList layout={layout} moving={moving} recent={recent} />}
    </section>
  );
}

/** Every prompt at a glance: progress before the reveal, theme names and counts after. */
export function AllPrompts({
  board,
  layouts,
  moving,
}: {
  board: BoardState;
  layouts: ReadonlyMap<string, PromptLayout>;
  moving: ReadonlySet<string>;
}) {
  const t = useT();
  return (
    <div className="present__grid">
      {sortedPrompts(board).map((prompt) => {
        const layout = layouts.get(prompt.id);
        if (!layout) return null;
        return (
          <section key={prompt.id} className="present__card" aria-labelledby={`present-${prompt.id}`}>
            <h2 id={`present-${prompt.id}`} className="present__card-title">
              {prompt.text}
            </h2>
            <p className="present__progress">{progressLine(layout, t)}</p>
            {prompt.isRevealed && layout.themes.length > 0 && <ThemeList layout={layout} moving={moving} isCompact />}
          </section>
        );
      })}
    </div>
  );
}
