import type { Note } from '../../../shared/records/Note';
import { TagBadge } from './TagBadge';

/** A revealed note: its words and its tag, never its author. */
export function NoteCard({ note }: { readonly note: Pick<Note, 'text' | 'tag'> }) {
  return (
    <li className="note">
      <p className="note__text">{note.text}</p>
      {note.tag && <TagBadge tag={note.tag} />}
    </li>
  );
}
