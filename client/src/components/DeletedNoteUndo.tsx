import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n';
import { undo } from '../sync/undoableCommands';
import { useUndoStore } from '../sync/undoStack';
import './deletedNote.css';

/** After I delete one of my notes of a prompt: says so, and offers to bring the newest one back. */
export function DeletedNoteUndo({ promptId }: { readonly promptId: string }) {
  const t = useT();
  const entry = useUndoStore((s) => s.entries.findLast((e) => e.kind === 'note' && e.promptId === promptId));
  const button = useRef<HTMLButtonElement>(null);
  const entryId = entry?.id;
  useEffect(() => {
    // The Delete button that had focus is gone with its note: focus goes to the way back, not to the page's start.
    if (entryId !== undefined && (document.activeElement === null || document.activeElement === document.body)) {
      button.current?.focus();
    }
  }, [entryId]);
  if (!entry) return null;
  return (
    <p className="deleted-note">
      <span>{t('notes.deleted')}</span>
      <button
        ref={button}
        type="button"
        className="button button--small"
        aria-label={t('notes.undoLabel', { label: entry.label })}
        onClick={() => undo({ id: entry.id })}
      >
        {t('notes.undo')}
      </button>
    </p>
  );
}
