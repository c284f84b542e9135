import type { Active, Collision, CollisionDetection, DroppableContainer, KeyboardCoordinateGetter } from '@dnd-kit/core';
import { acceptsDrop, type DragItem, type DropTarget } from './dragModel';

/**
 * Where a drag lands, for the pointer and for the keyboard.
 *
 * Pointer: the smallest target under the pointer wins (a note inside a theme before the theme).
 * Keyboard: arrow keys walk the targets of the note's prompt in reading order (up/down one by
 * one, left/right from container to container: ungrouped, each theme, new theme), instead of
 * dnd-kit's default 25-pixel steps. The chosen target is kept here and collision detection
 * returns it as it is, so the keyboard never depends on where things happen to be drawn.
 *
 * Notes are not dnd-kit targets. dnd-kit renders every target and draggable of a drag context
 * again whenever the target under the pointer changes, and a prompt may hold hundreds of notes:
 * the targets are the themes, "new theme" and the ungrouped notes, and the note under the pointer
 * inside one is found here, from boxes measured with theirs, and drawn by that note alone
 * (groupUiStore's setDropHint). What a drop means stays the same: `pointed` names the note.
 */

/** A note as a place to land: before it (or after it), or a new theme with it when it is in no theme. */
export type NoteTarget = Extract<DropTarget, { kind: 'note' }>;

/** The note a drag points at inside the target under it. */
export interface Pointed {
  readonly target: NoteTarget;
  /** After the note rather than before it: the pointer is on the lower half of a note in a theme. */
  readonly isAfter: boolean;
}

/** A place the keyboard walk stops at: a target (a theme, new theme, the ungrouped notes) or a note in one. */
export interface Stop {
  readonly target: DropTarget;
  readonly node: Element;
  /** The dnd-kit target it is (a note's: the theme or ungrouped list around it). */
  readonly containerId: Collision['id'];
}

/** What the walk is carrying (the notes that are moving cannot be their own target). */
export interface DragSession {
  item: DragItem | null;
  /** Target boxes in page coordinates, read once per measurement (see pageBoxes). */
  boxes: { source: unknown; list: { container: DroppableContainer; box: Box }[]; notes: Map<Collision['id'], NoteBox[]> } | null;
  /** The notes a note drag carries (empty for a theme drag). */
  moving: ReadonlySet<string>;
  /** The notes that move, for the preview others see (a theme's notes too). */
  carried: readonly string[];
  keyboardStop: Stop | null;
  /** The note under the pointer (or the keyboard's stop) inside dnd-kit's target, worked out with it. */
  pointed: Pointed | null;
  /** Where a drop would land now (the note pointed at, else dnd-kit's target), as of the last pointer or key move. */
  place: DropTarget | null;
}

export function newDragSession(): DragSession {
  return { item: null, boxes: null, moving: new Set(), carried: [], keyboardStop: null, pointed: null, place: null };
}

/** Starts `session` afresh: for a new drag (`what`: its item and notes), or none. */
export function resetDragSession(
  session: DragSession,
  what: Partial<Pick<DragSession, 'item' | 'moving' | 'carried'>> = {},
): void {
  Object.assign(session, newDragSession(), what);
}

/** Of the targets under the pointer, the kind that wins (lowest first); then the smallest. */
const PRIORITY: Readonly<Record<DropTarget['kind'], number>> = { note: 0, newTheme: 1, theme: 2, ungrouped: 3 };

const targetOf = (container: DroppableContainer) => container.data.current as DropTarget | undefined;
const itemOf = (active: Active | null) => (active?.data.current as DragItem | undefined) ?? null;

function candidates(session: DragSession, containers: readonly DroppableContainer[]): DroppableContainer[] {
  const item = session.item;
  if (!item) return [];
  return containers.filter((c) => {
    const target = targetOf(c);
    return target !== undefined && !c.disabled && acceptsDrop(item, session.moving, target);
  });
}

/** The notes a note can land on inside `container` (a theme or the ungrouped list), in page order, with their elements. */
function notesIn(session: DragSession, container: DroppableContainer): { target: NoteTarget; node: Element }[] {
  const around = targetOf(container);
  const node = container.node.current;
  if (session.item?.kind !== 'note' || !node || (around?.kind !== 'theme' && around?.kind !== 'ungrouped')) return [];
  const themeId = around.kind === 'theme' ? around.themeId : null;
  const found: { target: NoteTarget; node: Element }[] = [];
  for (const element of node.querySelectorAll<HTMLElement>('.gnote[data-note-id]')) {
    const noteId = element.dataset.noteId as string;
    if (session.moving.has(noteId)) continue;
    found.push({ target: { kind: 'note', noteId, themeId, promptId: around.promptId }, node: element });
  }
  return found;
}

/** True when `node` comes after `reference` in the page (an ancestor comes before its children). */
const isAfter = (node: Node, reference: Node) =>
  (reference.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/**
 * Targets in reading order, which is the page's order: each theme then its notes, "new theme",
 * the ungrouped list then its notes. Taken from the page, so that notes carry no position that
 * would re-render them all when one moves.
 */
function stopsInPageOrder(session: DragSession, containers: readonly DroppableContainer[]): Stop[] {
  const stops: Stop[] = [];
  const inOrder = containers
    .filter((c) => c.node.current !== null)
    .sort((a, b) => (isAfter(b.node.current as Node, a.node.current as Node) ? -1 : 1));
  for (const container of inOrder) {
    stops.push({ target: targetOf(container) as DropTarget, node: container.node.current as Element, containerId: container.id });
    for (const note of notesIn(session, container)) stops.push({ ...note, containerId: container.id });
  }
  return stops;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly area: number;
}

interface NoteBox {
  readonly target: NoteTarget;
  readonly box: Box;
}

const pageBox = ({ left, top, width, height }: ClientRectLike): Box => ({
  left: left + scrollX,
  top: top + scrollY,
  right: left + width + scrollX,
  bottom: top + height + scrollY,
  area: width * height,
});

/**
 * The candidate targets' boxes in page coordinates, and the boxes of the notes inside them.
 * dnd-kit's rects re-read the scroll position of every scrolling ancestor on each property access;
 * with hundreds of notes that, on every pointer move, costs more than the rest of the drag. The
 * page does not reflow during a drag, so the boxes are read once per measurement (when dnd-kit
 * measures its targets again) and the pointer is moved into page coordinates instead.
 */
function pageBoxes(session: DragSession, containers: readonly DroppableContainer[], rects: Map<Collision['id'], ClientRectLike>) {
  if (session.boxes?.source === rects) return session.boxes;
  const list: { container: DroppableContainer; box: Box }[] = [];
  const notes = new Map<Collision['id'], NoteBox[]>();
  for (const container of candidates(session, containers)) {
    const rect = rects.get(container.id);
    if (!rect) continue;
    list.push({ container, box: pageBox(rect) });
    const inside = notesIn(session, container).map((n) => ({ target: n.target, box: pageBox(n.node.getBoundingClientRect()) }));
    if (inside.length > 0) notes.set(container.id, inside);
  }
  session.boxes = { source: rects, list, notes };
  return session.boxes;
}

type ClientRectLike = { left: number; top: number; width: number; height: number };

/**
 * The same answer as the same array: dnd-kit's public context changes with the collisions, and
 * every change walks the whole board's React tree; a target kept over many pointer moves is one.
 */
function same(previous: { current: Collision[] }, id: Collision['id'] | null): Collision[] {
  const current = previous.current;
  if (id === null ? current.length === 0 : current.length === 1 && current[0]?.id === id) return current;
  previous.current = id === null ? [] : [{ id }];
  return previous.current;
}

/** dnd-kit's collision detection: the target under the pointer (or the keyboard's), setting `session.pointed` on the way. */
export function collisionDetection(session: DragSession): CollisionDetection {
  const previous: { current: Collision[] } = { current: [] };
  return ({ pointerCoordinates, droppableContainers, droppableRects }) =>
    same(previous, target(pointerCoordinates, droppableContainers, droppableRects));

  /** dnd-kit's target now; on the way, the note pointed at in it and where a drop would land. */
  function target(
    pointerCoordinates: { x: number; y: number } | null,
    droppableContainers: DroppableContainer[],
    droppableRects: Map<Collision['id'], ClientRectLike>,
  ): Collision['id'] | null {
    session.pointed = null;
    session.place = null;
    if (pointerCoordinates === null) {
      const stop = session.keyboardStop;
      if (stop === null || !droppableContainers.some((c) => c.id === stop.containerId)) return null;
      if (stop.target.kind === 'note') session.pointed = { target: stop.target, isAfter: false };
      session.place = stop.target;
      return stop.containerId;
    }
    const x = pointerCoordinates.x + scrollX;
    const y = pointerCoordinates.y + scrollY;
    const inside = (box: Box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
    const boxes = pageBoxes(session, droppableContainers, droppableRects);
    let best: { id: Collision['id']; target: DropTarget; priority: number; area: number } | null = null;
    for (const { container, box } of boxes.list) {
      if (!inside(box)) continue;
      const found = targetOf(container) as DropTarget;
      const priority = PRIORITY[found.kind];
      if (!best || priority < best.priority || (priority === best.priority && box.area < best.area)) {
        best = { id: container.id, target: found, priority, area: box.area };
      }
    }
    if (!best) return null;
    const note = boxes.notes.get(best.id)?.find((n) => inside(n.box));
    if (note) {
      const isLowerHalf = y > (note.box.top + note.box.bottom) / 2;
      session.pointed = { target: note.target, isAfter: note.target.themeId !== null && isLowerHalf };
    }
    session.place = note?.target ?? best.target;
    return best.id;
  }
}

const isContainer = (stop: Stop) => stop.target.kind !== 'note';

/** The next (or previous) stop in reading order after `from` (a stop's element, or the dragged item), or null at the end. */
function step(list: readonly Stop[], from: Node, isForward: boolean): Stop | null {
  if (isForward) return list.find((s) => s.node !== from && isAfter(s.node, from)) ?? null;
  return [...list].reverse().find((s) => s.node !== from && !isAfter(s.node, from)) ?? null;
}

/**
 * The next (or previous) container, round and round: themes, new theme, ungrouped. Picking a note
 * up starts the round from its own container, so Right from an ungrouped note reaches the first
 * theme at once.
 */
function jump(list: readonly Stop[], current: Stop | null, from: Node, isForward: boolean) {
  const containers = list.filter(isContainer);
  if (containers.length === 0) return null;
  let index = current ? containers.indexOf(current) : -1;
  let isBetween = false;
  if (index < 0) {
    // The container the item (or the note the walk is on) sits in: the last one that starts before it.
    index = containers.reduce((found, c, i) => (!isAfter(c.node, from) ? i : found), -1);
    // A dragged theme is not one of its own targets: it sits between two of them.
    isBetween = current === null && !containers.some((c) => c.node.contains(from));
  }
  const n = containers.length;
  const delta = isForward ? 1 : isBetween ? 0 : -1;
  return containers[(((index + delta) % n) + n) % n] ?? null;
}

/** Whether the board reads right to left (Arabic): there the next theme is on the left, so Left moves forward. */
const isRightToLeft = (element: Element) => getComputedStyle(element).direction === 'rtl';

/** The same stop found again in a fresh walk (elements may have been drawn anew since). */
const sameStop = (a: Stop, b: Stop) =>
  a.containerId === b.containerId &&
  (a.target.kind === 'note') === (b.target.kind === 'note') &&
  (a.target.kind !== 'note' || (b.target.kind === 'note' && a.target.noteId === b.target.noteId));

export function keyboardCoordinates(session: DragSession): KeyboardCoordinateGetter {
  return (event, { active, context, currentCoordinates }) => {
    const code = event.code;
    if (code !== 'ArrowDown' && code !== 'ArrowUp' && code !== 'ArrowLeft' && code !== 'ArrowRight') return undefined;
    event.preventDefault();
    session.item ??= itemOf(context.active);
    const list = stopsInPageOrder(session, candidates(session, context.droppableContainers.getEnabled()));
    const activeNode = context.activeNode;
    if (list.length === 0 || !active || !activeNode) return undefined;
    const kept = session.keyboardStop;
    const current = kept ? (list.find((s) => sameStop(s, kept)) ?? null) : null;
    const from = current?.node ?? activeNode;
    const next =
      code === 'ArrowLeft' || code === 'ArrowRight'
        ? jump(list, current, from, (code === 'ArrowRight') !== isRightToLeft(activeNode))
        : step(list, from, code === 'ArrowDown');
    if (!next) return undefined;
    session.keyboardStop = next;
    next.node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rect = next.node.getBoundingClientRect();
    // The carried card sits on the target's top-left corner, slightly inset so the target shows.
    const moved = { x: rect.left + 12, y: rect.top + 8 };
    return moved.x === currentCoordinates.x && moved.y === currentCoordinates.y ? { ...moved, y: moved.y + 0.5 } : moved;
  };
}
