import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_DISPLAY_NAME_CHARS, MAX_NOTE_CHARS } from '../../../shared/limits';
import type { NoteTag } from '../../../shared/records/Note';
import { quoted } from '../copy';
import { useT } from '../i18n/i18n';
import { composerTextFor, displayNameFor, saveComposerText, saveDisplayName } from '../storage';
import { useBoardStore } from '../store/boardStore';
import { announce } from '../store/toastStore';
import { postNote, setPresence } from '../sync/commands';
import { TagChoice } from './TagChoice';

export interface NoteComposerProps {
  readonly promptId: string;
  /** Names the field for screen readers, which hear many "Your answer" fields on one page. */
  readonly promptText: string;
  readonly isRevealed: boolean;
  /** Starts as a single button (the facilitator's board, where notes matter more than writing). */
  readonly isCollapsible?: boolean;
}

/** Writes a new note for one prompt. Ctrl/Cmd+Enter adds it. */
export function NoteComposer({ promptId, promptText, isRevealed, isCollapsible = false }: NoteComposerProps) {
  const t = useT();
  const boardId = useBoardStore((s) => s.boardId);
  const [text, setText] = useState(() => (boardId ? composerTextFor(boardId, promptId) : ''));
  // Text left half-typed (before a reload) keeps the composer open, so that it is seen.
  const [isOpen, setIsOpen] = useState(!isCollapsible || text !== '');
  const [tag, setTag] = useState<NoteTag | null>(null);
  const textId = useId();
  const counterId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const isEmpty = text.trim().length === 0;
  const wasOpen = useRef(isOpen);
  // Boards for two people show names: the note is signed with my display name, asked for when missing.
  const isNamed = useBoardStore((s) => s.board?.meta.settings.isAnonymous === false);
  const [storedName, setStoredName] = useState(() => (boardId && displayNameFor(boardId)) || '');
  const [name, setName] = useState(storedName);
  const nameId = useId();
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (isOpen && !wasOpen.current) textarea.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  const add = (event?: FormEvent) => {
    event?.preventDefault();
    if (isEmpty) return;
    const signature = name.trim();
    if (isNamed && signature === '') {
      announce(t('composer.nameFirst'), 'error');
      nameInput.current?.focus();
      return;
    }
    const success = t(isRevealed ? 'composer.addedHeld' : 'composer.addedPrivate');
    if (postNote(promptId, text.trim(), tag, isNamed ? signature : null, success) !== null) return;
    if (boardId) saveComposerText(boardId, promptId, '');
    if (isNamed && boardId && signature !== storedName) {
      saveDisplayName(boardId, signature);
      setStoredName(signature);
      setPresence(signature);
    }
    setText('');
    setTag(null);
    textarea.current?.focus();
  };

  const type = (value: string) => {
    setText(value);
    if (boardId) saveComposerText(boardId, promptId, value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) add();
  };

  if (!isOpen) {
    return (
      <div className="composer composer--closed">
        <button
          type="button"
          className="button button--small"
          aria-expanded={false}
          aria-label={t('composer.writeFor', { prompt: quoted(promptText) })}
          onClick={() => setIsOpen(true)}
        >
          {t('composer.write')}
        </button>
      </div>
    );
  }

  return (
    <form className="composer" onSubmit={add}>
      {isNamed &&
        (storedName ? (
          <p className="composer__signed">{t('composer.signed', { name: storedName })}</p>
        ) : (
          <>
            <label htmlFor={nameId} className="composer__label">
              {t('composer.yourName')} <span className="optional">{t('composer.namesShown')}</span>
            </label>
            <input
              id={nameId}
              ref={nameInput}
              className="input"
              value={name}
              maxLength={MAX_DISPLAY_NAME_CHARS}
              autoComplete="nickname"
              onChange={(e) => setName(e.target.value)}
            />
          </>
        ))}
      <label htmlFor={textId} className="composer__label">
        <span aria-hidden="true">{t('composer.answer')}</span>
        <span className="visually-hidden">{t('composer.answerTo', { prompt: quoted(promptText) })}</span>
      </label>
      <textarea
        id={textId}
        ref={textarea}
        className="composer__text"
        value={text}
        maxLength={MAX_NOTE_CHARS}
        rows={3}
        aria-describedby={counterId}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={counterId} className="composer__counter">
        {t('composer.counter', { count: text.length, max: MAX_NOTE_CHARS })}
        <span className="composer__keys"> · {t('composer.keys')}</span>
      </p>
      <TagChoice value={tag} onChange={setTag} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isEmpty}>
          {t('composer.add')}
        </button>
        {isCollapsible && (
          <button type="button" className="button" onClick={() => setIsOpen(false)}>
            {t('common.close')}
          </button>
        )}
      </div>
    </form>
  );
}
