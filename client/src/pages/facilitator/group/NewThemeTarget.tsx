import { useDroppable } from '@dnd-kit/core';
import type { PromptLayout } from '../../../components/themeLayout';
import { quoted } from '../../../copy';
import { type DropTarget, dropId } from './dragModel';
import { askNewTheme, useGroupHost } from './groupActions';

/** The end of a prompt's themes: drop notes here to start a theme with them, or click to name an empty one. */
export function NewThemeTarget({ layout }: { readonly layout: PromptLayout }) {
  const host = useGroupHost();
  const target: DropTarget = { kind: 'newTheme', promptId: layout.prompt.id };
  const drop = useDroppable({ id: dropId(target), data: target });
  return (
    <div ref={drop.setNodeRef} className={`gnew${drop.isOver ? ' gnew--over' : ''}`}>
      <button type="button" className="button button--small" onClick={() => askNewTheme(host, layout)}>
        <span aria-hidden="true">+ </span>New theme<span className="visually-hidden"> for {quoted(layout.prompt.text)}</span>
      </button>
      <p className="gnew__hint">{drop.isOver ? 'Drop to start a new theme' : 'or drop notes here'}</p>
    </div>
  );
}
