import {
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type BoardState, sortedPrompts } from '../../../../../shared/domain/state';
import { draftsByPrompt, NO_DRAFTS, prefersReducedMotion } from '../../../boardSelectors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { NameDialog, type NameRequest } from '../../../components/NameDialog';
import { useBoardLayouts } from '../../../components/themeLayout';
import { useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';
import { useConfirm } from '../useConfirm';
import { dragAnnouncements, screenReaderInstructions } from './dragAnnouncements';
import { carriedNotes, type DragItem, resolveDrop } from './dragModel';
import { dragPreviewPublisher } from './dragPreviewPublisher';
import { collisionDetection, keyboardCoordinates, newDragSession, resetDragSession } from './dragTargeting';
import { focusSoon, noteHandleId, themeHandleId } from './focusPlan';
import { laneId } from './GroupLane';
import { GroupToolbar } from './GroupToolbar';
import { type GroupHost, GroupHostContext, performDrop } from './groupActions';
import { LaneDnd, type SharedDndProps } from './LaneDnd';
import { setArmed, setCarried, setDropHint, useGroupUi } from './groupUiStore';
import { usePointerAnchor } from './usePointerAnchor';
import './group.css';

/**
 * The page scrolls when a drag nears its top or bottom edge: only the outer 8 % (dnd-kit's 20 %
 * moves the board under a pointer aiming at a theme low on a laptop screen).
 */
const AUTO_SCROLL = { threshold: { x: 0, y: 0.08 }, acceleration: 8 };

/** A few pixels of movement before a mouse drag starts, so that a click (Ctrl-click selects) stays a click. */
const MOUSE_OPTIONS = { activationConstraint: { distance: 6 } };
/** A short press before a touch drag starts, so that a swipe still scrolls the page. */
const TOUCH_OPTIONS = { activationConstraint: { delay: 200, tolerance: 8 } };

interface PageBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

function pageBoxOf(element: Element | null): PageBox | null {
  if (!element) return null;
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left: left + scrollX, top: top + scrollY, width, height };
}

const isKeyboardDrag = (event: Event | null) => event instanceof KeyboardEvent;

/**
 * The facilitator's board in the group phase: every prompt's lane, with three equal ways to move
 * notes and themes (pointer drag, keyboard drag, menus) and a live preview of the drag for
 * everyone watching. Each drop is one command.
 */
export function GroupStage({ board: live }: { readonly board: BoardState }) {
  // While a drag is on, the board stays as it was when the drag began: every remote move would
  // otherwise make dnd-kit re-measure all drop targets in the middle of the drag (hundreds of ms
  // per frame with 1,000 notes). Remote moves show at the drop.
  const t = useT();
  const [frozen, setFrozen] = useState<BoardState | null>(null);
  const board = frozen ?? live;
  usePointerAnchor(board, frozen !== null);
  const myDrafts = useBoardStore((s) => s.myDrafts);
  const canWrite = useBoardStore((s) => s.canWriteNotes);
  // Unchanged prompts keep their layout: a remote move renders the lane it happened in.
  const layouts = useBoardLayouts(board);
  const prompts = useMemo(() => sortedPrompts(board), [board]);
  const drafts = useMemo(() => draftsByPrompt(myDrafts), [myDrafts]);
  const layoutsRef = useRef(layouts);
  layoutsRef.current = layouts;
  const confirm = useConfirm();
  const [nameRequest, setNameRequest] = useState<NameRequest | null>(null);
  const [active, setActive] = useState<{ item: DragItem; noteIds: readonly string[] } | null>(null);
  const session = useRef(newDragSession()).current;
  const publisher = useRef(dragPreviewPublisher()).current;
  const focusPromptId = board.meta.focusPromptId;

  const host = useMemo<GroupHost>(
    () => ({ layoutOf: (promptId) => layoutsRef.current.get(promptId), askName: setNameRequest, confirm: confirm.ask }),
    [confirm.ask],
  );
  // Stable options: new ones would give every note new drag listeners, re-rendering them all on each change.
  const keyboardOptions = useMemo(
    () =>
      ({ coordinateGetter: keyboardCoordinates(session), scrollBehavior: prefersReducedMotion() ? 'auto' : 'smooth' }) as const,
    [session],
  );
  const sensors = useSensors(
    useSensor(MouseSensor, MOUSE_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );
  const collisions = useMemo(() => collisionDetection(session), [session]);
  const accessibility = useMemo(
    () => ({
      announcements: dragAnnouncements(
        (promptId) => layoutsRef.current.get(promptId),
        () => session.carried,
        () => session.place,
      ),
      screenReaderInstructions: screenReaderInstructions(t),
      // Moved notes are drawn anew in their new place: focus is placed by hand after the drop.
      restoreFocus: false,
    }),
    [session, t],
  );

  // Leaving the group phase mid-drag must not leave a stale preview on everyone's screen.
  useEffect(() => () => publisher.end(), [publisher]);

  // The spotlight may be moved by a co-facilitator: bring that lane into view when it is not.
  useEffect(() => {
    if (focusPromptId === null) return;
    const lane = document.getElementById(laneId(focusPromptId));
    if (!lane) return;
    const rect = lane.getBoundingClientRect();
    if (rect.top < 0 || rect.top > window.innerHeight * 0.6) {
      lane.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
    }
  }, [focusPromptId]);

  const laneBox = useRef<PageBox | null>(null);

  const finish = () => {
    publisher.end();
    setCarried([]);
    setArmed(undefined);
    setFrozen(null);
    setActive(null);
    resetDragSession(session);
  };

  const onDragStart = ({ active: dragged }: DragStartEvent) => {
    const item = dragged.data.current as DragItem;
    const layout = layoutsRef.current.get(item.promptId);
    if (!layout) return;
    const noteIds =
      item.kind === 'note'
        ? carriedNotes(layout, item.noteId, useGroupUi.getState().selected)
        : (layout.themes.find((t) => t.theme.id === item.themeId)?.notes.map((n) => n.id) ?? []);
    laneBox.current = null;
    resetDragSession(session, { item, moving: new Set(item.kind === 'note' ? noteIds : []), carried: noteIds });
    if (item.kind === 'note') setCarried(noteIds);
    setArmed(item.kind === 'note' ? item.noteId : null);
    setFrozen(live);
    setActive({ item, noteIds });
  };

  const onDragMove = ({ active: dragged, over }: DragMoveEvent) => {
    const item = dragged.data.current as DragItem;
    const rect = dragged.rect.current.translated;
    // The lane's box in page coordinates, read once per drag: the page does not reflow during one,
    // and reading it at every move would make the browser lay out what the last move changed.
    laneBox.current ??= pageBoxOf(document.getElementById(laneId(item.promptId)));
    const lane = laneBox.current;
    if (rect && lane && lane.width > 0 && lane.height > 0) {
      const ids = item.kind === 'theme' ? [item.themeId, ...session.carried] : session.carried;
      const x = ((rect.left + rect.width / 2 + scrollX - lane.left) / lane.width) * 100;
      const y = ((rect.top + rect.height / 2 + scrollY - lane.top) / lane.height) * 100;
      publisher.move(ids.slice(0, 50), x, y);
    }
    const pointed = over ? session.pointed : null;
    setDropHint(
      pointed && {
        noteId: pointed.target.noteId,
        hint: pointed.target.themeId === null ? 'combine' : pointed.isAfter ? 'after' : 'before',
      },
    );
  };

  const onDragEnd = ({ active: dragged, over, activatorEvent }: DragEndEvent) => {
    const item = dragged.data.current as DragItem;
    const target = over ? session.place : null;
    const isAfter = session.pointed?.isAfter ?? false;
    const noteIds = session.carried;
    finish();
    const isKeyboard = isKeyboardDrag(activatorEvent);
    const ownHandle = item.kind === 'note' ? noteHandleId(item.noteId) : themeHandleId(item.themeId);
    const layout = layoutsRef.current.get(item.promptId);
    const action = layout && target ? resolveDrop(layout, item, noteIds, target, isAfter && !isKeyboard) : null;
    if (!layout || !action) {
      if (isKeyboard) focusSoon(ownHandle);
      return;
    }
    performDrop(host, layout, action, { isMovingFocus: isKeyboard, isAnnounced: false });
  };

  const onDragCancel = () => {
    const item = session.item;
    finish();
    if (item) focusSoon(item.kind === 'note' ? noteHandleId(item.noteId) : themeHandleId(item.themeId));
  };

  // The same props for every lane from one render to the next: the lanes (memoised) do not render
  // again when the board changes elsewhere or a remote move arrives during a drag.
  const handlers = useRef({ onDragStart, onDragMove, onDragEnd, onDragCancel });
  handlers.current = { onDragStart, onDragMove, onDragEnd, onDragCancel };
  const dnd = useMemo<SharedDndProps>(
    () => ({
      sensors,
      collisionDetection: collisions,
      autoScroll: AUTO_SCROLL,
      accessibility,
      onDragStart: (event) => handlers.current.onDragStart(event),
      onDragMove: (event) => handlers.current.onDragMove(event),
      onDragEnd: (event) => handlers.current.onDragEnd(event),
      onDragCancel: () => handlers.current.onDragCancel(),
    }),
    [sensors, collisions, accessibility],
  );

  return (
    <GroupHostContext.Provider value={host}>
      <section className="group-stage" aria-label={t('facilitator.group.stage')}>
        <GroupToolbar />
        <div className="lanes">
          {prompts.map((prompt) => {
            const layout = layouts.get(prompt.id);
            return layout ? (
              <LaneDnd
                key={prompt.id}
                dnd={dnd}
                layout={layout}
                isFocused={prompt.id === focusPromptId}
                canWrite={canWrite}
                drafts={drafts.get(prompt.id) ?? NO_DRAFTS}
                active={active}
              />
            ) : null;
          })}
        </div>
      </section>
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
      <NameDialog request={nameRequest} onClose={() => setNameRequest(null)} />
    </GroupHostContext.Provider>
  );
}
