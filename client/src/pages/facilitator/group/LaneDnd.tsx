import { type Announcements, DndContext, type DndContextProps, DragOverlay } from '@dnd-kit/core';
import { memo, useMemo, useState } from 'react';
import type { Draft } from '../../../../../shared/records/Draft';
import type { PromptLayout } from '../../../components/themeLayout';
import { DragCard } from './DragCard';
import type { DragItem } from './dragModel';
import { GroupLane } from './GroupLane';

/** What every lane's drag context shares: sensors, targeting, handlers and what is said. */
export type SharedDndProps = Omit<DndContextProps, 'children' | 'accessibility'> & {
  readonly accessibility: {
    readonly announcements: Announcements;
    readonly screenReaderInstructions: { readonly draggable: string };
    readonly restoreFocus: boolean;
  };
};

export interface LaneDndProps {
  readonly dnd: SharedDndProps;
  readonly layout: PromptLayout;
  readonly isFocused: boolean;
  readonly canWrite: boolean;
  readonly drafts: readonly Draft[];
  /** The drag in progress anywhere on the board (shown here only when it started in this lane). */
  readonly active: { readonly item: DragItem; readonly noteIds: readonly string[] } | null;
}

/**
 * One prompt's lane in a drag context of its own. A drag never leaves its prompt (targets in
 * other prompts refuse it), and dnd-kit changes its contexts at every pointer move: React then
 * walks every component under the changed provider to find who reads it. With one context per
 * lane that walk covers one prompt's notes instead of the whole board's. What dnd-kit says to
 * screen readers lives in the lane (its live region and instructions are portalled there).
 */
export const LaneDnd = memo(function LaneDnd({ dnd, layout, isFocused, canWrite, drafts, active }: LaneDndProps) {
  const [announcer, setAnnouncer] = useState<HTMLElement | null>(null);
  const accessibility = useMemo(
    () => ({ ...dnd.accessibility, ...(announcer ? { container: announcer } : {}) }),
    [dnd.accessibility, announcer],
  );
  const isHere = active !== null && active.item.promptId === layout.prompt.id;
  return (
    <DndContext {...dnd} accessibility={accessibility}>
      <GroupLane layout={layout} isFocused={isFocused} canWrite={canWrite} drafts={drafts} announcer={setAnnouncer} />
      <DragOverlay dropAnimation={null}>
        {isHere ? <DragCard item={active.item} noteIds={active.noteIds} layout={layout} /> : null}
      </DragOverlay>
    </DndContext>
  );
});
