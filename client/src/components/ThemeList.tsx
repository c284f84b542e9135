import type { ReactNode } from 'react';
import type { Note } from '../../../shared/records/Note';
import { TagBadge } from './TagBadge';
import { themeColorClass } from './themeColor';
import { type PromptLayout, themeCountLine } from './themeLayout';
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
  readonly moving: ReadonlySet<string>;
  readonly recent?: ReadonlySet<string>;
  readonly noteExtras?: ThemeListProps['noteExtras'];
}

function NoteItem({ note, moving, recent, noteExtras }: NoteItemProps) {
  const isMoving = moving.has(note.id);
  const isRecent = recent?.has(note.id) ?? false;
  return (
    <li
      className={`tnote${isMoving ? ' tnote--moving' : ''}${isRecent ? ' tnote--recent' : ''}`}
      data-moving={isMoving || undefined}
    >
      <span className="tnote__text">{note.text}</span>
      {note.tag && <TagBadge tag={note.tag} />}
      {isMoving && <span className="tnote__flag">Being moved</span>}
      {noteExtras?.(note)}
    </li>
  );
}

/** A prompt's themes and the notes in no theme yet, read-only, as everyone watching sees them. */
export function ThemeList({ layout, moving, recent, isCompact = false, noteExtras }: ThemeListProps) {
  const { themes, ungrouped } = layout;
  return (
    <div className={`tlist${isCompact ? ' tlist--compact' : ''}`}>
      {themes.map(({ theme, notes, needCount }, position) => (
        <section
          key={theme.id}
          className={`tcard ${themeColorClass(position)}${moving.has(theme.id) ? ' tcard--moving' : ''}`}
          aria-label={`Theme ‘${theme.name}’`}
          data-theme-name={theme.name}
        >
          <h3 className="tcard__name">{theme.name}</h3>
          <p className="tcard__count">{themeCountLine(notes.length, needCount)}</p>
          {!isCompact && notes.length > 0 && (
            <ul className="tnotes">
              {notes.map((note) => (
                <NoteItem key={note.id} note={note} moving={moving} recent={recent} noteExtras={noteExtras} />
              ))}
            </ul>
          )}
        </section>
      ))}
      {ungrouped.length > 0 && (
        <section className="tcard tcard--ungrouped" aria-label="Not in a theme yet">
          <h3 className="tcard__name">{themes.length === 0 ? 'Notes' : 'Not in a theme yet'}</h3>
          <p className="tcard__count">{themeCountLine(ungrouped.length, 0)}</p>
          {!isCompact && (
            <ul className="tnotes">
              {ungrouped.map((note) => (
                <NoteItem key={note.id} note={note} moving={moving} recent={recent} noteExtras={noteExtras} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
