import { MenuButton } from '../../../components/MenuButton';
import { countNotes } from '../../../copy';
import { useBoardStore } from '../../../store/boardStore';
import { updateSettings } from '../../../sync/commands';
import { carriedNotes } from './dragModel';
import { moveMenuEntries } from './GroupNote';
import { askDeleteNotes, useGroupHost } from './groupActions';
import { clearSelection, setNeedsOnly, setSelecting, useGroupUi } from './groupUiStore';
import { UndoButton } from './UndoButton';

/** Above the lanes: the needs-only filter, what is selected and where to send it, and how grouping works. */
export function GroupToolbar() {
  const host = useGroupHost();
  const isOpenToAll = useBoardStore((s) => s.board?.meta.settings.participantsGroup === true);
  const isNeedsOnly = useGroupUi((s) => s.isNeedsOnly);
  const isSelecting = useGroupUi((s) => s.isSelecting);
  const selectedCount = useGroupUi((s) => s.selected.size);
  const selectedPromptId = useGroupUi((s) => s.selectedPromptId);

  const selectionEntries = () => {
    const { selected } = useGroupUi.getState();
    const layout = selectedPromptId ? host.layoutOf(selectedPromptId) : undefined;
    const first = [...selected][0];
    if (!layout || first === undefined) return [];
    return moveMenuEntries(host, layout, carriedNotes(layout, first, selected));
  };

  return (
    <div className="gtoolbar">
      <button
        type="button"
        className="button button--small"
        aria-pressed={isNeedsOnly}
        onClick={() => setNeedsOnly(!isNeedsOnly)}
      >
        Needs only
      </button>
      <button
        type="button"
        className="button button--small"
        aria-pressed={isSelecting}
        onClick={() => setSelecting(!isSelecting)}
      >
        Select
      </button>
      <UndoButton />
      <button
        type="button"
        className="button button--small"
        aria-pressed={isOpenToAll}
        onClick={() => updateSettings({ participantsGroup: !isOpenToAll })}
      >
        Participants can group
      </button>
      <div className="gtoolbar__selection" aria-live="off">
        {selectedCount > 0 ? (
          <>
            <span className="gtoolbar__count">{countNotes(selectedCount)} selected</span>
            <MenuButton
              className="button button--small button--primary"
              menuLabel="Move the selected notes to"
              entries={selectionEntries}
            >
              Move selected to…
            </MenuButton>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                const { selected } = useGroupUi.getState();
                const layout = selectedPromptId ? host.layoutOf(selectedPromptId) : undefined;
                const first = [...selected][0];
                if (layout && first !== undefined) askDeleteNotes(host, layout, carriedNotes(layout, first, selected));
              }}
            >
              Delete selected…
            </button>
            <button type="button" className="button button--small button--quiet" onClick={clearSelection}>
              Clear selection
            </button>
          </>
        ) : (
          <span className="gtoolbar__hint">
            Press Select, Ctrl-click or use a note’s ⋯ menu to move or delete several at once.
          </span>
        )}
      </div>
      <details className="gtoolbar__help">
        <summary>How to group</summary>
        <ul>
          <li>
            Drag a note onto a theme to add it, onto another ungrouped note to start a theme with both, or onto Ungrouped to take
            it out.
          </li>
          <li>
            Drag a theme by its handle <span aria-hidden="true">⠿</span> onto another theme to merge them.
          </li>
          <li>
            Keyboard: focus a note, press Space, use the arrow keys (Left and Right jump between themes), press Space to drop.
            Escape cancels.
          </li>
          <li>Or use the ⋯ menu on each note (it shows on hover and on focus) and the “Merge into…” button on each theme.</li>
          <li>Undo (Ctrl+Z, or Cmd+Z on a Mac) takes back your last move, new theme, merge, theme delete or note delete.</li>
        </ul>
      </details>
    </div>
  );
}
