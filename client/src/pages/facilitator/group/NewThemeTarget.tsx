import { useDroppable } from '@dnd-kit/core';
import type { PromptLayout } from '../../../components/themeLayout';
import { quoted } from '../../../copy';
import { useT } from '../../../i18n/i18n';
import { type DropTarget, dropId } from './dragModel';
import { askNewTheme, useGroupHost } from './groupActions';

/** The end of a prompt's themes: drop notes here to start a theme with them, or click to name an empty one. */
export function NewThemeTarget({ layout }: { readonly layout: PromptLayout }) {
  const t = useT();
  const host = useGroupHost();
  const target: DropTarget = { kind: 'newTheme', promptId: layout.prompt.id };
  const drop = useDroppable({ id: dropId(target), data: target });
  return (
    <div ref={drop.setNodeRef} className={`gnew${drop.isOver ? ' gnew--over' : ''}`}>
      <button
        type="button"
        className="button button--small"
        aria-label={t('facilitator.group.newThemeFor', { prompt: quoted(layout.prompt.text) })}
        onClick={() => askNewTheme(host, layout)}
      >
        <span aria-hidden="true">+ </span>
        {t('facilitator.group.newTheme')}
      </button>
      <p className="gnew__hint">{t(drop.isOver ? 'facilitator.group.dropToStart' : 'facilitator.group.orDropHere')}</p>
    </div>
  );
}
