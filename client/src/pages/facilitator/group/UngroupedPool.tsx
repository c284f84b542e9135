import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import type { PromptLayout } from '../../../components/themeLayout';
import { countNotes } from '../../../copy';
import { type DropTarget, dropId, NO_RESIZE_OBSERVER } from './dragModel';
import { ungroupedHeadingId } from './focusPlan';
import { GroupNote } from './GroupNote';
import { useGroupUi } from './groupUiStore';

/** The drop target around the notes (re-rendered on every drag-over change, so it takes its notes ready-made). */
function PoolShell({ layout, children }: { readonly layout: PromptLayout; readonly children: ReactNode }) {
  const { prompt } = layout;
  const target: DropTarget = { kind: 'ungrouped', promptId: prompt.id };
  const drop = useDroppable({ id: dropId(target), data: target, resizeObserverConfig: NO_RESIZE_OBSERVER });
  return (
    <section
      ref={drop.setNodeRef}
      className={`gungrouped${drop.isOver ? ' gungrouped--over' : ''}`}
      aria-labelledby={ungroupedHeadingId(prompt.id)}
    >
      {children}
    </section>
  );
}

/** A prompt's notes that are in no theme yet: where clustering starts, and a target to take notes out of themes. */
export function UngroupedPool({ layout }: { readonly layout: PromptLayout }) {
  const { prompt, ungrouped } = layout;
  const isNeedsOnly = useGroupUi((s) => s.isNeedsOnly);
  const shown = isNeedsOnly ? ungrouped.filter((note) => note.tag === 'need') : ungrouped;
  return (
    <PoolShell layout={layout}>
      <h3 id={ungroupedHeadingId(prompt.id)} className="gungrouped__title" tabIndex={-1}>
        Ungrouped <span className="gungrouped__count">({countNotes(ungrouped.length)})</span>
      </h3>
      {shown.length > 0 ? (
        <ul className="gnotes gnotes--pool" aria-label="Notes in no theme">
          {shown.map((note) => (
            <GroupNote key={note.id} note={note} />
          ))}
        </ul>
      ) : (
        <p className="gungrouped__empty">
          {ungrouped.length === 0 ? 'Every note is in a theme. Drop a note here to take it out.' : 'No needs here.'}
        </p>
      )}
    </PoolShell>
  );
}
