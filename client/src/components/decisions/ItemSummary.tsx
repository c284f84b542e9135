import { quoted } from '../../copy';
import { useT } from '../../i18n/i18n';
import { NoteCard } from '../NoteCard';
import { TagBadge } from '../TagBadge';
import { themeColorClass } from '../themeColor';
import type { BoardItem } from './decisionSelectors';

/** An item's words: a theme's name with its notes folded away, or an ungrouped note with its tag. */
export function ItemSummary({
  item,
  isOpen = false,
  isNameShown = true,
}: {
  readonly item: BoardItem;
  readonly isOpen?: boolean;
  /** False where a heading already names the theme. */
  readonly isNameShown?: boolean;
}) {
  const t = useT();
  const [only] = item.notes;
  if (item.theme === null && only) {
    return (
      <div className="item-summary item-summary--note">
        <p className="item-summary__name">{only.text}</p>
        {only.author && <p className="note__author">— {only.author}</p>}
        {only.tag && <TagBadge tag={only.tag} />}
      </div>
    );
  }
  return (
    <div className={`item-summary ${themeColorClass(item.themePosition ?? 0)}`}>
      {isNameShown && <p className="item-summary__name">{item.name}</p>}
      {item.notes.length > 0 ? (
        <details className="item-summary__notes" open={isOpen}>
          <summary>
            {t('decisions.item.notes', { count: item.notes.length })}
            <span className="visually-hidden"> {t('decisions.item.inTheme', { name: quoted(item.name) })}</span>
          </summary>
          <ul className="notes">
            {item.notes.map((note) => (
              <NoteCard key={note.id} note={note} />
            ))}
          </ul>
        </details>
      ) : (
        <p className="item-summary__empty">{t('decisions.item.noNotes')}</p>
      )}
    </div>
  );
}
