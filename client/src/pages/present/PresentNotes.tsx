import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import { ThemeList } from '../../components/ThemeList';
import { type PromptLayout, writersLine } from '../../components/themeLayout';
import { countNotes, PROMPT_KIND_NAMES, pendingLine } from '../../copy';

function progressLine(layout: PromptLayout): string {
  const { prompt, noteCount, themes } = layout;
  if (!prompt.isRevealed) return `${pendingLine(prompt)} · ${writersLine(prompt.contributorCount)}`;
  const themeCount = themes.length === 1 ? '1 theme' : `${themes.length} themes`;
  return `${countNotes(noteCount)} · ${themeCount} · ${writersLine(prompt.contributorCount)}`;
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
  return (
    <section className="present__focus" aria-labelledby="present-focus">
      <p className="present__kind">{PROMPT_KIND_NAMES[layout.prompt.kind]}</p>
      <h2 id="present-focus" className="present__prompt">
        {layout.prompt.text}
      </h2>
      <p className="present__progress">{progressLine(layout)}</p>
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
            <p className="present__progress">{progressLine(layout)}</p>
            {prompt.isRevealed && layout.themes.length > 0 && <ThemeList layout={layout} moving={moving} isCompact />}
          </section>
        );
      })}
    </div>
  );
}
