import { memo, type ReactNode, useEffect, useState } from 'react';
import type { Note } from '../../../shared/records/Note';
import { useT } from '../i18n/i18n';
import { TagBadge } from './TagBadge';
import { themeColorClass } from './themeColor';
import { type PromptLayout, type ThemeGroup, themeCountLine } from './themeLayout';
import './themeList.css';

export interface ThemeListProps {
  readonly layout: PromptLayout;
  /** Notes (and themes) a facilitator is dragging right now. */
  readonly moving: ReadonlySet<string>;
  /** Notes that just changed place, briefly marked so that watchers can follow. */
  readonly recent?: ReadonlySet<string>;
  /** Shown without their notes (the projector's overview of every prompt). */
  readonly isCompact?: boolean;
  /** Shown under each note: its reactions, a participant's "Move to…" menu. */
  readonly noteExtras?: (note: Note) => ReactNode;
}

interface NoteItemProps {
  readonly note: Note;
  readonly isMoving: boolean;
  readonly isRecent: boolean;
  readonly noteExtras?: ThemeListProps['noteExtras'];
}

/** Memoised: on a board of 1,000 notes a move renders the notes it moved, not the others. */
const NoteItem = memo(function NoteItem({ note, isMoving, isRecent, noteExtras }: NoteItemProps) {
  const t = useT();
  return (
    <li
      className={`tnote${isMoving ? ' tnote--moving' : ''}${isRecent ? ' tnote--recent' : ''}`}
      data-moving={isMoving || undefined}
    >
      <span className="tnote__text">{note.text}</span>
      {note.tag && <TagBadge tag={note.tag} />}
      {isMoving && <span className="tnote__flag">{t('themes.beingMoved')}</span>}
      {noteExtras?.(note)}
    </li>
  );
});

interface GroupCardProps {
  /** The theme, or null for the notes in no theme yet. */
  readonly group: ThemeGroup | null;
  readonly notes: readonly Note[];
  readonly position: number;
  readonly hasThemes: boolean;
  readonly moving: ReadonlySet<string>;
  readonly recent: ReadonlySet<string> | undefined;
  readonly isCompact: boolean;
  readonly noteExtras: ThemeListProps['noteExtras'];
}

function isMarkedAlike(a: GroupCardProps, b: GroupCardProps): boolean {
  if (a.moving === b.moving && a.recent === b.recent) return true;
  const ids = a.group ? [a.group.theme.id, ...a.notes.map((n) => n.id)] : a.notes.map((n) => n.id);
  return ids.every(
    (id) => a.moving.has(id) === b.moving.has(id) && (a.recent?.has(id) ?? false) === (b.recent?.has(id) ?? false),
  );
}

/**
 * One theme's card (or the notes in no theme), memoised: it renders again only when its theme,
 * its notes, or the marks on them (being moved, just moved) changed. Layouts keep unchanged
 * groups' identity (themeLayout.ts), so a remote move renders the one or two cards it touched.
 */
const GroupCard = memo(
  function GroupCard({ group, notes, position, hasThemes, moving, recent, isCompact, noteExtras }: GroupCardProps) {
    const t = useT();
    const list = !isCompact && notes.length > 0 && (
      <ul className="tnotes">
        {notes.map((note) => (
          <NoteItem
            key={note.id}
            note={note}
            isMoving={moving.has(note.id)}
            isRecent={recent?.has(note.id) ?? false}
            noteExtras={noteExtras}
          />
        ))}
      </ul>
    );
    if (group === null) {
      return (
        <section className="tcard tcard--ungrouped" aria-label={t('themes.notInTheme')}>
          <h3 className="tcard__name">{t(hasThemes ? 'themes.notInTheme' : 'themes.notes')}</h3>
          <p className="tcard__count">{themeCountLine(notes.length, 0)}</p>
          {list}
        </section>
      );
    }
    const { theme, needCount } = group;
    return (
      <section
        className={`tcard ${themeColorClass(position)}${moving.has(theme.id) ? ' tcard--moving' : ''}`}
        aria-label={t('themes.theme', { name: theme.name })}
        data-theme-name={theme.name}
      >
        <h3 className="tcard__name">{theme.name}</h3>
        <p className="tcard__count">{themeCountLine(notes.length, needCount)}</p>
        {list}
      </section>
    );
  },
  (a, b) =>
    a.group === b.group &&
    a.notes === b.notes &&
    a.position === b.position &&
    a.hasThemes === b.hasThemes &&
    a.isCompact === b.isCompact &&
    a.noteExtras === b.noteExtras &&
    isMarkedAlike(a, b),
);

/**
 * False until the list has been painted once: its cards and notes then have a remembered size
 * (themeList.css), and may be skipped while off screen.
 */
function useHasPainted(): boolean {
  const [hasPainted, setHasPainted] = useState(false);
  useEffect(() => {
    // The frame after the first paint: sizes are remembered at the paint's resize-observer step.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setHasPainted(true));
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return hasPainted;
}

/** A prompt's themes and the notes in no theme yet, read-only, as everyone watching sees them. */
export function ThemeList({ layout, moving, recent, isCompact = false, noteExtras }: ThemeListProps) {
  const { themes, ungrouped } = layout;
  const shared = { moving, recent, isCompact, noteExtras, hasThemes: themes.length > 0 };
  const hasPainted = useHasPainted();
  return (
    <div className={`tlist${isCompact ? ' tlist--compact' : ''}${hasPainted ? ' tlist--skips' : ''}`}>
      {themes.map((group, position) => (
        <GroupCard key={group.theme.id} group={group} notes={group.notes} position={position} {...shared} />
      ))}
      {ungrouped.length > 0 && <GroupCard key="ungrouped" group={null} notes={ungrouped} position={0} {...shared} />}
    </div>
  );
}
