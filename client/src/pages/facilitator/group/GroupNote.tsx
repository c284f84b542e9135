import { useDraggable, useDroppable } from '@dnd-kit/core';
import { type MouseEvent, memo, type ReactNode, useMemo } from 'react';
import type { Note } from '../../../../../shared/records/Note';
import { MenuButton, type MenuEntry } from '../../../components/MenuButton';
import { TagBadge } from '../../../components/TagBadge';
import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
import { countNotes } from '../../../copy';
import { useBoardStore } from '../../../store/boardStore';
import {
  carriedNotes,
  type DragItem,
  type DropAction,
  type DropTarget,
  dragId,
  dropId,
  NO_RESIZE_OBSERVER,
  resolveDrop,
} from './dragModel';
import { noteHandleId } from './focusPlan';
import { askDeleteNotes, type GroupHost, performDrop, useGroupHost } from './groupActions';
import { toggleSelected, useGroupUi } from './groupUiStore';

export interface GroupNoteProps {
  readonly note: Note;
}

/** The Move to… menu of a note (or of the selection it belongs to): up, down, each theme, Ungrouped, a new theme. */
export function moveMenuEntries(host: GroupHost, layout: PromptLayout, noteIds: readonly string[]): MenuEntry[] {
  const first = noteIds[0] as string;
  const item: DragItem = { kind: 'note', noteId: first, promptId: layout.prompt.id };
  const run = (action: DropAction | null) => () => {
    if (action) performDrop(host, layout, action, { isMovingFocus: true, isAnnounced: true });
  };
  const resolve = (target: DropTarget) => resolveDrop(layout, item, noteIds, target);
  const entries: MenuEntry[] = [];
  const home = layout.themes.find((t) => t.notes.some((n) => n.id === first));
  const list = home ? home.notes : layout.ungrouped;
  const index = list.findIndex((n) => n.id === first);
  if (noteIds.length === 1 && list.length > 1) {
    const previous = list[index - 1];
    const afterNext = list[index + 2];
    entries.push(
      {
        label: 'Move up',
        isDisabled: previous === undefined,
        onSelect: run(previous ? { type: 'move', noteIds, themeId: home?.theme.id ?? null, beforeNoteId: previous.id } : null),
      },
      {
        label: 'Move down',
        isDisabled: index >= list.length - 1,
        onSelect: run(
          index < list.length - 1
            ? { type: 'move', noteIds, themeId: home?.theme.id ?? null, beforeNoteId: afterNext?.id ?? null }
            : null,
        ),
      },
      { type: 'separator' },
    );
  }
  if (layout.themes.length > 0) entries.push({ type: 'heading', label: 'Themes' });
  for (const group of layout.themes) {
    const action = resolve({ kind: 'theme', themeId: group.theme.id, promptId: layout.prompt.id });
    entries.push({
      label: `‘${group.theme.name}’`,
      note: action ? `(${countNotes(group.notes.length)})` : '(here now)',
      isDisabled: action === null,
      onSelect: run(action),
    });
  }
  const out = resolve({ kind: 'ungrouped', promptId: layout.prompt.id });
  entries.push(
    { type: 'separator' },
    { label: 'Ungrouped', note: out ? undefined : '(here now)', isDisabled: out === null, onSelect: run(out) },
    { label: 'New theme…', onSelect: run({ type: 'createTheme', promptId: layout.prompt.id, noteIds }) },
  );
  return entries;
}

/**
 * One note on the group board: dragged by its card (pointer or Space), a target for other notes,
 * and a "⋯" menu (select, move to…); in selection mode a checkbox too. Ctrl/Cmd/Shift-click also selects.
 */
export const GroupNote = memo(GroupNoteCard, sameNote);

/** The board re-reads every record on each update: compare what is drawn, not object identity. */
function sameNote(a: GroupNoteProps, b: GroupNoteProps): boolean {
  return (
    a.note.id === b.note.id &&
    a.note.text === b.note.text &&
    a.note.tag === b.note.tag &&
    a.note.themeId === b.note.themeId &&
    a.note.promptId === b.note.promptId
  );
}

/**
 * The part that knows about the drag: dnd-kit re-renders every draggable and droppable whenever
 * the target under the pointer changes, so this shell stays small and takes the card's content
 * as ready-made elements that React does not render again.
 */
function NoteShell({
  note,
  isSelected,
  check,
  content,
  menu,
}: GroupNoteProps & { isSelected: boolean; check: ReactNode; content: ReactNode; menu: ReactNode }) {
  const item: DragItem = { kind: 'note', noteId: note.id, promptId: note.promptId };
  const target: DropTarget = { kind: 'note', noteId: note.id, themeId: note.themeId, promptId: note.promptId };
  const drag = useDraggable({ id: dragId(item), data: item });
  const drop = useDroppable({ id: dropId(target), data: target, resizeObserverConfig: NO_RESIZE_OBSERVER });
  const isCarried = useGroupUi((s) => s.carried.has(note.id));
  const isDropAfter = useGroupUi((s) => drop.isOver && s.isDropAfter);
  const isRemoteMoving = useBoardStore((s) => s.dragPreviews.some((d) => d.noteIds.includes(note.id)));

  const onClick = (event: MouseEvent) => {
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      toggleSelected(note.id, note.promptId);
    }
  };

  const dropHint = drop.isOver
    ? note.themeId === null
      ? ' gnote--combine'
      : isDropAfter && drop.active?.data.current?.kind === 'note'
        ? ' gnote--insert-after'
        : ' gnote--insert-before'
    : '';
  return (
    <li
      ref={drop.setNodeRef}
      className={`gnote${isSelected ? ' gnote--selected' : ''}${isCarried ? ' gnote--carried' : ''}${isRemoteMoving ? ' is-moving' : ''}${dropHint}`}
      data-note-id={note.id}
    >
      {check}
      <button
        type="button"
        id={noteHandleId(note.id)}
        ref={drag.setNodeRef}
        className="gnote__handle"
        {...drag.attributes}
        {...drag.listeners}
        onClick={onClick}
      >
        {content}
      </button>
      {menu}
      {note.themeId === null && drop.isOver && <span className="gnote__drop-label">New theme with both</span>}
    </li>
  );
}

/** The "⋯" menu of a note: select it (or take it out of the selection), where it (or the selection) can go, delete it (or them). */
function noteActionEntries(host: GroupHost, noteId: string, promptId: string): MenuEntry[] {
  const layout = host.layoutOf(promptId);
  if (!layout) return [];
  const { selected } = useGroupUi.getState();
  const isSelected = selected.has(noteId);
  const carried = carriedNotes(layout, noteId, selected);
  return [
    { label: isSelected ? 'Deselect' : 'Select', onSelect: () => toggleSelected(noteId, promptId) },
    { type: 'separator' },
    { type: 'heading', label: carried.length > 1 ? `Move ${countNotes(carried.length)} to` : 'Move to' },
    ...moveMenuEntries(host, layout, carried),
    { type: 'separator' },
    {
      label: carried.length > 1 ? `Delete ${countNotes(carried.length)}…` : 'Delete note…',
      onSelect: () => askDeleteNotes(host, layout, carried),
    },
  ];
}

function GroupNoteCard({ note }: GroupNoteProps) {
  const host = useGroupHost();
  const isSelected = useGroupUi((s) => s.selected.has(note.id));
  const isSelecting = useGroupUi((s) => s.isSelecting);
  const excerpt = noteExcerpt(note.text);
  const { id, promptId, text, tag } = note;

  const check = useMemo(
    () =>
      isSelecting && (
        <label className="gnote__check">
          <input
            type="checkbox"
            checked={isSelected}
            aria-label={`Select ${excerpt}`}
            onChange={() => toggleSelected(id, promptId)}
          />
        </label>
      ),
    [isSelecting, isSelected, excerpt, id, promptId],
  );
  const content = useMemo(
    () => (
      <>
        <span className="gnote__text">{text}</span>
        {tag && (
          <span className="gnote__foot">
            <TagBadge tag={tag} />
          </span>
        )}
      </>
    ),
    [text, tag],
  );
  const menu = useMemo(
    () => (
      <MenuButton
        className="gnote__menu"
        label={`Actions for ${excerpt}`}
        menuLabel={`Actions for ${excerpt}`}
        entries={() => noteActionEntries(host, id, promptId)}
      >
        <span aria-hidden="true">⋯</span>
      </MenuButton>
    ),
    [excerpt, host, id, promptId],
  );
  return <NoteShell note={note} isSelected={isSelected} check={check} content={content} menu={menu} />;
}
