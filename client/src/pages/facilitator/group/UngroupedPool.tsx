import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import type { PromptLayout } from '../../../components/themeLayout';
import { useT } from '../../../i18n/i18n';
import { type DropTarget, dropId, NO_RESIZE_OBSERVER } from './dragModel';
import { ungroupedHeadingId } from './focusPlan';
import { GroupNote } from './GroupNote';
import { useGroupUi, useIsOnNote } from './groupUiStore';

/** The drop target around the notes (re-rendered on every drag-over change, so it takes its notes ready-made). */
function PoolShell({ layout, children }: { readonly layout: PromptLayout; readonly children: ReactNode }) {
  const { prompt } = layout;
  const target: DropTarget = { kind: 'ungrouped', promptId: prompt.id };
  const drop = useDroppable({ id: dropId(target), data: target, resizeObserverConfig: NO_RESIZE_OBSERVER });
  // Over one of its notes, the note shows where the drop lands (see dragTargeting), not the list.
  const isOnNote = useIsOnNote();
  const isOver = drop.isOver && !isOnNote;
  return (
    <section
      ref={drop.setNodeRef}
      className={`gungrouped${isOver ? ' gungrouped--over' : ''}`}
      aria-labelledby={ungroupedHeadingId(prompt.id)}
    >
      {children}
    </section>
  );
}

/** A prompt's notes that are in no theme yet: where clustering starts, and a target to take notes out of themes. */
export function UngroupedPool({ layout }: { readonly layout: PromptLayout }) {
  const t = useT();
  const { prompt, ungrouped } = layout;
  const isNeedsOnly = useGroupUi((s) => s.isNeedsOnly);
  const shown = isNeedsOnly ? ungrouped.filter((note) => note.tag === 'need') : ungrouped;
  return (
    <PoolShell layout={layout}>
      <h3 id={ungroupedHeadingId(prompt.id)} className="gungrouped__title" tabIndex={-1}>
        {t('facilitator.group.ungrouped')}{' '}
        <span className="gungrouped__count">{t('facilitator.group.noteCountInBrackets', { count: ungrouped.length })}</span>
      </h3>
      {shown.length > 0 ? (
        <ul className="gnotes gnotes--pool" aria-label={t('facilitator.group.pool.notesInNoTheme')}>
          {shown.map((note) => (
            <GroupNote key={note.id} note={note} />
          ))}
        </ul>
      ) : (
        <p className="gungrouped__empty">
          {t(ungrouped.length === 0 ? 'facilitator.group.pool.empty' : 'facilitator.group.pool.noNeeds')}
        </p>
      )}
    </PoolShell>
  );
}
