import { useDraggable } from '@dnd-kit/core';
import {
  type MouseEvent,
  memo,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';
import type { Note } from '../../../../../shared/records/Note';
import { MenuButton, type MenuEntry } from '../../../components/MenuButton';
import { TagBadge } from '../../../components/TagBadge';
import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
import { translate, useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';
import { carriedNotes, type DragItem, type DropAction, type DropTarget, dragId, resolveDrop } from './dragModel';
import { noteHandleId } from './focusPlan';
import { askDeleteNotes, type GroupHost, performDrop, useGroupHost } from './groupActions';
import { toggleSelected, useDropHint, useGroupUi } from './groupUiStore';

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
        label: translate('facilitator.group.menu.moveUp'),
        isDisabled: previous === undefined,
        onSelect: run(previous ? { type: 'move', noteIds, themeId: home?.theme.id ?? null, beforeNoteId: previous.id } : null),
      },
      {
        label: translate('facilitator.group.menu.moveDown'),
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
  if (layout.themes.length > 0) entries.push({ type: 'heading', label: translate('facilitator.group.menu.themes') });
  for (const group of layout.themes) {
    const action = resolve({ kind: 'theme', themeId: group.theme.id, promptId: layout.prompt.id });
    entries.push({
      label: translate('facilitator.group.themeQuoted', { name: group.theme.name }),
      note: action
        ? translate('facilitator.group.noteCountInBrackets', { count: group.notes.length })
        : translate('facilitator.group.menu.hereNow'),
      isDisabled: action === null,
      onSelect: run(action),
    });
  }
  const out = resolve({ kind: 'ungrouped', promptId: layout.prompt.id });
  entries.push(
    { type: 'separator' },
    {
      label: translate('facilitator.group.ungrouped'),
      note: out ? undefined : translate('facilitator.group.menu.hereNow'),
      isDisabled: out === null,
      onSelect: run(out),
    },
    {
      label: translate('facilitator.group.menu.newTheme'),
      onSelect: run({ type: 'createTheme', promptId: layout.prompt.id, noteIds }),
    },
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

/** What a note's drag binding hands its shell: dnd-kit's listeners, called from the handle's own. */
interface NoteBinding {
  listeners: ReturnType<typeof useDraggable>['listeners'];
}

type HandleEvent = 'onMouseDown' | 'onTouchStart' | 'onKeyDown';

/**
 * The part of a note that knows about the drag: its dnd-kit draggable. dnd-kit re-renders every
 * draggable of a drag context whenever the target under the pointer changes, so this renders
 * nothing and is mounted only where it is needed: on every note while no drag is on (any may be
 * picked up), on the dragged note alone during a drag. Notes are not dnd-kit targets (see
 * dragTargeting). Its state reaches the handle as attributes React does not manage (dnd-kit's ARIA
 * attributes).
 */
function NoteDnd({
  note,
  handle,
  binding,
}: GroupNoteProps & { handle: RefObject<HTMLButtonElement | null>; binding: RefObject<NoteBinding> }) {
  const item: DragItem = { kind: 'note', noteId: note.id, promptId: note.promptId };
  const drag = useDraggable({ id: dragId(item), data: item });
  binding.current.listeners = drag.listeners;
  const { setNodeRef: setDragNode } = drag;
  useLayoutEffect(() => {
    setDragNode(handle.current);
  }, [setDragNode, handle]);
  useLayoutEffect(() => {
    const button = handle.current;
    if (!button) return;
    for (const [name, value] of Object.entries(drag.attributes)) {
      if (value === undefined) button.removeAttribute(name);
      else button.setAttribute(name, String(value));
    }
  }, [drag.attributes, handle]);
  useEffect(
    () => () => {
      binding.current.listeners = undefined;
    },
    [binding],
  );
  return null;
}

/** On a note in no theme that a dragged note points at: dropping makes a theme of the two. */
function NewThemeLabel() {
  const t = useT();
  return <span className="gnote__drop-label">{t('facilitator.group.note.newThemeWithBoth')}</span>;
}

/**
 * A note's card on the board. It takes its content as ready-made elements that React does not
 * render again, and its drag binding (NoteDnd) as a child that comes and goes with the drag.
 */
function NoteShell({
  note,
  isSelected,
  check,
  content,
  menu,
}: GroupNoteProps & { isSelected: boolean; check: ReactNode; content: ReactNode; menu: ReactNode }) {
  const isCarried = useGroupUi((s) => s.carried.has(note.id));
  const isArmed = useGroupUi((s) => s.armedNoteId === undefined || s.armedNoteId === note.id);
  const dropHint = useDropHint(note.id);
  const isNewThemeWithIt = dropHint === 'combine';
  const isRemoteMoving = useBoardStore((s) => s.dragPreviews.some((d) => d.noteIds.includes(note.id)));
  const handle = useRef<HTMLButtonElement>(null);
  const binding = useRef<NoteBinding>({ listeners: undefined });
  // Stable handlers for the handle: whatever binding is mounted now gets the event.
  const handlers = useMemo(() => {
    const pass = (name: HandleEvent) => (event: SyntheticEvent) => binding.current.listeners?.[name]?.(event);
    return { onMouseDown: pass('onMouseDown'), onTouchStart: pass('onTouchStart'), onKeyDown: pass('onKeyDown') };
  }, []);

  const onClick = (event: MouseEvent) => {
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      toggleSelected(note.id, note.promptId);
    }
  };

  return (
    <li
      className={`gnote${isSelected ? ' gnote--selected' : ''}${isCarried ? ' gnote--carried' : ''}${isRemoteMoving ? ' is-moving' : ''}`}
      data-note-id={note.id}
      data-drop={dropHint ?? undefined}
    >
      {check}
      <button type="button" id={noteHandleId(note.id)} ref={handle} className="gnote__handle" {...handlers} onClick={onClick}>
        {content}
      </button>
      {menu}
      {isNewThemeWithIt && <NewThemeLabel />}
      {isArmed && <NoteDnd note={note} handle={handle} binding={binding} />}
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
    {
      label: translate('facilitator.group.menu.select', { selected: isSelected ? 'yes' : 'no' }),
      onSelect: () => toggleSelected(noteId, promptId),
    },
    { type: 'separator' },
    { type: 'heading', label: translate('facilitator.group.menu.moveTo', { count: carried.length }) },
    ...moveMenuEntries(host, layout, carried),
    { type: 'separator' },
    {
      label: translate('facilitator.group.menu.delete', { count: carried.length }),
      onSelect: () => askDeleteNotes(host, layout, carried),
    },
  ];
}

function GroupNoteCard({ note }: GroupNoteProps) {
  const t = useT();
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
            aria-label={t('facilitator.group.note.selectLabel', { note: excerpt })}
            onChange={() => toggleSelected(id, promptId)}
          />
        </label>
      ),
    [isSelecting, isSelected, excerpt, id, promptId, t],
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
        label={t('facilitator.group.note.actions', { note: excerpt })}
        menuLabel={t('facilitator.group.note.actions', { note: excerpt })}
        entries={() => noteActionEntries(host, id, promptId)}
      >
        <span aria-hidden="true">⋯</span>
      </MenuButton>
    ),
    [excerpt, host, id, promptId, t],
  );
  return <NoteShell note={note} isSelected={isSelected} check={check} content={content} menu={menu} />;
}
