import { useEffect, useLayoutEffect, useRef } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { useBoardStore } from '../../../store/boardStore';

/** The stacks the board is made of: a theme, a prompt's ungrouped notes, else the prompt's lane. */
const STACK_SELECTOR = '.gtheme, .gungrouped, .lane';

/** A stack under the pointer, and where its top was before the board changed. */
interface Anchor {
  readonly element: Element;
  readonly top: number;
  /** Counts pointer moves and scrolls that were not this hook's own. */
  readonly still: number;
}

/**
 * Keeps the stack under the mouse pointer where it is while the board changes under it (a
 * co-facilitator moves, adds or deletes notes): a theme above that grows or shrinks would push
 * everything below it, so the page scrolls by as much, before the change is painted. The stack
 * itself may still change (a note taken out above the one pointed at); stacks beside it in its
 * row start at the same top and do not move it. Touch has no hover to keep; a drag keeps the board
 * frozen (`isFrozen`) and is left to dnd-kit.
 */
export function usePointerAnchor(board: BoardState, isFrozen: boolean): void {
  const anchor = useRef<Anchor | null>(null);
  // The page scrolls by whole pixels: while nothing else moved, the next change aims at the same
  // top again, so that the half pixels left over do not add up change after change.
  const last = useRef<Anchor | null>(null);
  const still = useRef(0);
  const isOwnScroll = useRef(false);
  const frozen = useRef(isFrozen);
  frozen.current = isFrozen;

  useEffect(() => {
    let pointer: { x: number; y: number } | null = null;
    const onMove = (event: PointerEvent) => {
      pointer = event.pointerType === 'mouse' || event.pointerType === 'pen' ? { x: event.clientX, y: event.clientY } : null;
      still.current += 1;
    };
    const onScroll = () => {
      if (isOwnScroll.current) isOwnScroll.current = false;
      else still.current += 1;
    };
    const onLeave = () => {
      pointer = null;
    };
    document.addEventListener('pointermove', onMove, { passive: true });
    window.addEventListener('scroll', onScroll, { passive: true });
    document.documentElement.addEventListener('pointerleave', onLeave);
    // The store changes before React draws the new board: the stack's top is read while it is still where the person sees it.
    const unsubscribe = useBoardStore.subscribe((state, previous) => {
      if (state.board === previous.board || anchor.current !== null || frozen.current || pointer === null) return;
      const element = document.elementFromPoint(pointer.x, pointer.y)?.closest(STACK_SELECTOR);
      if (!element) return;
      const kept = last.current;
      const isSame = kept !== null && kept.element === element && kept.still === still.current;
      anchor.current = { element, top: isSame ? kept.top : element.getBoundingClientRect().top, still: still.current };
    });
    return () => {
      unsubscribe();
      document.removeEventListener('pointermove', onMove);
      window.removeEventListener('scroll', onScroll);
      document.documentElement.removeEventListener('pointerleave', onLeave);
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per board drawn, after the DOM took the change
  useLayoutEffect(() => {
    const held = anchor.current;
    anchor.current = null;
    if (!held?.element.isConnected) return;
    last.current = held;
    const shift = held.element.getBoundingClientRect().top - held.top;
    if (Math.abs(shift) < 0.5) return;
    isOwnScroll.current = true;
    window.scrollBy({ top: shift, behavior: 'instant' });
  }, [board]);
}
