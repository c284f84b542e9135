import { TagBadge } from '../../../components/TagBadge';
import type { PromptLayout } from '../../../components/themeLayout';
import { useT } from '../../../i18n/i18n';
import type { DragItem } from './dragModel';

/** What follows the pointer (or the arrow keys) during a drag: the note, a stack of notes, or the theme. */
export function DragCard({
  item,
  noteIds,
  layout,
}: {
  readonly item: DragItem;
  readonly noteIds: readonly string[];
  readonly layout: PromptLayout | undefined;
}) {
  const t = useT();
  if (item.kind === 'theme') {
    const group = layout?.themes.find((g) => g.theme.id === item.themeId);
    return (
      <div className="drag-card drag-card--theme">
        <p className="drag-card__title">{group?.theme.name}</p>
        {group && (
          <p className="drag-card__meta">
            {t('facilitator.group.themeCount', { notes: group.notes.length, needs: group.needCount })}
          </p>
        )}
      </div>
    );
  }
  const note = [...(layout?.ungrouped ?? []), ...(layout?.themes.flatMap((g) => g.notes) ?? [])].find(
    (n) => n.id === item.noteId,
  );
  return (
    <div className={`drag-card${noteIds.length > 1 ? ' drag-card--stack' : ''}`}>
      <p className="drag-card__text">{note?.text}</p>
      {note?.tag && <TagBadge tag={note.tag} />}
      {noteIds.length > 1 && (
        <span className="drag-card__count">{t('facilitator.group.drag.notes', { count: noteIds.length })}</span>
      )}
    </div>
  );
}
