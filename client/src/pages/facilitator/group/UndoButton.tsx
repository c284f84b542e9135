import { useEffect } from 'react';
import { useT } from '../../../i18n/i18n';
import { undo } from '../../../sync/undoableCommands';
import { useUndoStore } from '../../../sync/undoStack';

/** Typing keeps the field's own undo; a dialog or a drag in progress keeps its keys. */
function isForTheBoard(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return true;
  return !target.closest('input, textarea, select, [contenteditable="true"], dialog[open]');
}

/**
 * Undoes the newest grouping action (a move, a new theme, a merge, a theme or note delete), also with
 * Ctrl+Z or Cmd+Z anywhere on the board outside a text field.
 */
export function UndoButton() {
  const t = useT();
  const latest = useUndoStore((s) => s.entries.findLast((e) => e.kind === 'grouping'));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (event.defaultPrevented || !isForTheBoard(event)) return;
      event.preventDefault();
      undo({ kind: 'grouping' });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <button
      type="button"
      className="button button--small"
      disabled={!latest}
      aria-keyshortcuts="Control+Z Meta+Z"
      aria-label={latest ? t('facilitator.group.undo.label', { action: latest.label }) : t('facilitator.group.undo.nothingLabel')}
      title={latest ? t('facilitator.group.undo.title', { action: latest.label }) : t('facilitator.group.undo.nothing')}
      onClick={() => undo({ kind: 'grouping' })}
    >
      <span aria-hidden="true">↶ </span>
      {t('facilitator.group.undo.button')}
    </button>
  );
}
