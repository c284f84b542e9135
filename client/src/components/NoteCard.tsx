import type { ReactNode } from 'react';
import type { Note } from '../../../shared/records/Note';
import { TagBadge } from './TagBadge';

/** A revealed note: its words and its tag; its author only on boards that show names (two people). */
export function NoteCard({
  note,
  children,
}: {
  readonly note: Pick<Note, 'text' | 'tag'> & { readonly author?: string | null };
  /** Below the note: its reactions. */
  readonly children?: ReactNode;
}) {
  return (
    <li className="note">
      <p className="note__text">{note.text}</p>
      {note.author && <p className="note__author">— {note.author}</p>}
      {note.tag && <TagBadge tag={note.tag} />}
      {children}
    </li>
  );
}
