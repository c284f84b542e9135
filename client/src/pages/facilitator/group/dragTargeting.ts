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
 */

/** What the walk is carrying (the notes that are moving cannot be their own target). */
export interface DragSession {
  item: DragItem | null;
  /** Target boxes in page coordinates, read once per measurement (see pageBoxes). */
  boxes: { source: unknown; list: { container: DroppableContainer; box: Box }[] } | null;
  /** The notes a note drag carries (empty for a theme drag). */
  moving: ReadonlySet<string>;
  /** The notes that move, for the preview others see (a theme's notes too). */
  carried: readonly string[];
  keyboardTargetId: string | null;
}

export function newDragSession(): DragSession {
  return { item: null, boxes: null, moving: new Set(), carried: [], keyboardTargetId: null };
}

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

/** True when `node` comes after `reference` in the page (an ancestor comes before its children). */
const isAfter = (node: Node, reference: Node) =>
  (reference.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/**
 * Targets in reading order, which is the page's order: each theme then its notes, "new theme",
 * the ungrouped list then its notes. Taken from the page, so that notes carry no position that
 * would re-render them all when one moves.
 */
function inPageOrder(list: readonly DroppableContainer[]): DroppableContainer[] {
  return list
    .filter((c) => c.node.current !== null)
    .sort((a, b) => (isAfter(b.node.current as Node, a.node.current as Node) ? -1 : 1));
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly area: number;
}

/**
 * The candidate targets' boxes in page coordinates. dnd-kit's rects re-read the scroll position of
 * every scrolling ancestor on each property access; with hundreds of notes that, on every pointer
 * move, costs more than the rest of the drag. The page does not reflow during a drag, so the boxes
 * are read once per measurement and the pointer is moved into page coordinates instead.
 */
function pageBoxes(session: DragSession, containers: readonly DroppableContainer[], rects: Map<Collision['id'], ClientRectLike>) {
  if (session.boxes?.source === rects) return session.boxes.list;
  const list: { container: DroppableContainer; box: Box }[] = [];
  for (const container of candidates(session, containers)) {
    const rect = rects.get(container.id);
    if (!rect) continue;
    const { left, top, width, height } = rect;
    list.push({
      container,
      box: {
        left: left + scrollX,
        top: top + scrollY,
        right: left + width + scrollX,
        bottom: top + height + scrollY,
        area: width * height,
      },
    });
  }
  session.boxes = { source: rects, list };
  return list;
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

export function collisionDetection(session: DragSession): CollisionDetection {
  const previous: { current: Collision[] } = { current: [] };
  return ({ pointerCoordinates, droppableContainers, droppableRects }) =>
    same(previous, target(pointerCoordinates, droppableContainers, droppableRects));

  function target(
    pointerCoordinates: { x: number; y: number } | null,
    droppableContainers: DroppableContainer[],
    droppableRects: Map<Collision['id'], ClientRectLike>,
  ): Collision['id'] | null {
    if (pointerCoordinates === null) {
      const id = session.keyboardTargetId;
      return id !== null && droppableContainers.some((c) => c.id === id) ? id : null;
    }
    const x = pointerCoordinates.x + scrollX;
    const y = pointerCoordinates.y + scrollY;
    let best: { id: Collision['id']; priority: number; area: number } | null = null;
    for (const { container, box } of pageBoxes(session, droppableContainers, droppableRects)) {
      if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
      const priority = PRIORITY[(targetOf(container) as DropTarget).kind];
      if (!best || priority < best.priority || (priority === best.priority && box.area < best.area)) {
        best = { id: container.id, priority, area: box.area };
      }
    }
    return best ? best.id : null;
  }
}

const isContainer = (target: DropTarget | undefined) => target !== undefined && target.kind !== 'note';

/** The next (or previous) target in reading order after `from` (a target, or the dragged item), or null at the end. */
function step(list: readonly DroppableContainer[], from: Node, isForward: boolean): DroppableContainer | null {
  const node = (c: DroppableContainer) => c.node.current as Node;
  if (isForward) return list.find((c) => c.node.current !== from && isAfter(node(c), from)) ?? null;
  return [...list].reverse().find((c) => c.node.current !== from && !isAfter(node(c), from)) ?? null;
}

/**
 * The next (or previous) container, round and round: themes, new theme, ungrouped. Picking a note
 * up starts the round from its own container, so Right from an ungrouped note reaches the first
 * theme at once.
 */
function jump(list: readonly DroppableContainer[], current: DroppableContainer | null, from: Node, isForward: boolean) {
  const containers = list.filter((c) => isContainer(targetOf(c)));
  if (containers.length === 0) return null;
  let index = current ? containers.indexOf(current) : -1;
  let isBetween = false;
  if (index < 0) {
    // The container the item sits in: the last one that starts before it (its ancestor for a note).
    index = containers.reduce((found, c, i) => (c.node.current && !isAfter(c.node.current, from) ? i : found), -1);
    // A dragged theme is not one of its own targets: it sits between two of them.
    isBetween = current === null && !containers.some((c) => c.node.current?.contains(from));
  }
  const n = containers.length;
  const delta = isForward ? 1 : isBetween ? 0 : -1;
  return containers[(((index + delta) % n) + n) % n] ?? null;
}

/** Whether the board reads right to left (Arabic): there the next theme is on the left, so Left moves forward. */
const isRightToLeft = (element: Element) => getComputedStyle(element).direction === 'rtl';

export function keyboardCoordinates(session: DragSession): KeyboardCoordinateGetter {
  return (event, { active, context, currentCoordinates }) => {
    const code = event.code;
    if (code !== 'ArrowDown' && code !== 'ArrowUp' && code !== 'ArrowLeft' && code !== 'ArrowRight') return undefined;
    event.preventDefault();
    session.item ??= itemOf(context.active);
    const list = inPageOrder(candidates(session, context.droppableContainers.getEnabled()));
    const activeNode = context.activeNode;
    if (list.length === 0 || !active || !activeNode) return undefined;
    const current = list.find((c) => c.id === session.keyboardTargetId) ?? null;
    const from = current?.node.current ?? activeNode;
    const next =
      code === 'ArrowLeft' || code === 'ArrowRight'
        ? jump(list, current, current ? from : activeNode, (code === 'ArrowRight') !== isRightToLeft(activeNode))
        : step(list, from, code === 'ArrowDown');
    if (!next) return undefined;
    session.keyboardTargetId = String(next.id);
    const node = next.node.current;
    if (!node) return undefined;
    node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rect = node.getBoundingClientRect();
    // The carried card sits on the target's top-left corner, slightly inset so the target shows.
    const moved = { x: rect.left + 12, y: rect.top + 8 };
    return moved.x === currentCoordinates.x && moved.y === currentCoordinates.y ? { ...moved, y: moved.y + 0.5 } : moved;
  };
}
