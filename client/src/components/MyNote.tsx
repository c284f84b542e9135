import { type FormEvent, useId, useState } from 'react';
import { MAX_NOTE_CHARS } from '../../../shared/limits';
import type { Draft } from '../../../shared/records/Draft';
import type { NoteTag } from '../../../shared/records/Note';
import { useT } from '../i18n/i18n';
import { editNote } from '../sync/commands';
import { deleteNote } from '../sync/undoableCommands';
import { TagBadge } from './TagBadge';
import { TagChoice } from './TagChoice';

/** One of my notes that others cannot see yet: editable and deletable until it is shown. */
export interface MyNoteProps {
  readonly draft: Omit<Draft, 'authorId'>;
  readonly isHeld: boolean;
  readonly isEditable: boolean;
}

export function MyNote({ draft, isHeld, isEditable }: MyNoteProps) {
  const t = useT();
  const [isEditing, setIsEditing] = useState(false);
  const [text, setText] = useState(draft.text);
  const [tag, setTag] = useState<NoteTag | null>(draft.tag);
  const textId = useId();
  const excerpt = draft.text.length > 40 ? `${draft.text.slice(0, 39)}…` : draft.text;

  const startEditing = () => {
    setText(draft.text);
    setTag(draft.tag);
    setIsEditing(true);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length === 0) return;
    if (editNote(draft.id, text.trim(), tag) === null) setIsEditing(false);
  };

  const remove = () => {
    deleteNote(draft, excerpt);
  };

  if (isEditing && isEditable) {
    return (
      <li className="note note--mine">
        <form className="composer" onSubmit={save}>
          <label htmlFor={textId} className="composer__label">
            {t('notes.editYours')}
          </label>
          <textarea
            id={textId}
            className="composer__text"
            value={text}
            maxLength={MAX_NOTE_CHARS}
            rows={3}
            onChange={(e) => setText(e.target.value)}
          />
          <TagChoice value={tag} onChange={setTag} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={text.trim().length === 0}>
              {t('common.save')}
            </button>
            <button type="button" className="button" onClick={() => setIsEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="note note--mine">
      <p className="note__text">{draft.text}</p>
      {draft.tag && <TagBadge tag={draft.tag} />}
      <p className="note__hint">{t(isHeld ? 'notes.held' : 'notes.onlyYou')}</p>
      {isEditable && (
        <div className="actions">
          <button
            type="button"
            className="button button--small"
            aria-label={t('notes.editLabel', { excerpt })}
            onClick={startEditing}
          >
            {t('notes.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={t('notes.deleteLabel', { excerpt })}
            onClick={remove}
          >
            {t('notes.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
