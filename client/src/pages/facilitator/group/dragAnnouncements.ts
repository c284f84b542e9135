import type { Active, Announcements, Over, ScreenReaderInstructions } from '@dnd-kit/core';
import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
import { type Translate, translate } from '../../../i18n/i18n';
import { type DragItem, type DropTarget, dropId, resolveDrop } from './dragModel';

/** Read out when a note or theme gets focus: how to move it without a mouse, in the reader's language. */
export function screenReaderInstructions(t: Translate): ScreenReaderInstructions {
  return { draggable: t('facilitator.group.sr.instructions') };
}

/** What a screen reader hears over a place, and on dropping there. */
interface Said {
  readonly place: string;
  readonly hint: string;
  readonly dropped: string;
}

/**
 * Plain sentences for every step of a drag ("Picked up note ‘childcare’. Moved over theme
 * ‘Family’. Dropped into theme ‘Family’."). `carried` is the notes the drag carries. A place
 * where dropping changes nothing (Ungrouped for a note in no theme) says so, and offers nothing.
 * Each sentence is translated when it is said, so it follows a change of language.
 *
 * `place` is where a drop would land now (dragTargeting's session.place): notes are not dnd-kit
 * targets, and dnd-kit's `over` lags a move behind in onDragMove. A place is said once, when it
 * changes, whether or not dnd-kit's target did. Without `place`, dnd-kit's `over` is the place.
 */
export function dragAnnouncements(
  layoutOf: (promptId: string) => PromptLayout | undefined,
  carried: () => readonly string[],
  place: () => DropTarget | null = () => null,
): Announcements {
  const noteText = (layout: PromptLayout | undefined, noteId: string) =>
    noteExcerpt(
      [...(layout?.ungrouped ?? []), ...(layout?.themes.flatMap((t) => t.notes) ?? [])].find((n) => n.id === noteId)?.text ?? '',
    );
  const themeName = (layout: PromptLayout | undefined, themeId: string) =>
    layout?.themes.find((t) => t.theme.id === themeId)?.theme.name ?? '';

  const describeItem = (active: Active) => {
    const item = active.data.current as DragItem;
    const layout = layoutOf(item.promptId);
    if (item.kind === 'theme') return translate('facilitator.group.sr.itemTheme', { name: themeName(layout, item.themeId) });
    const count = carried().length;
    const note = noteText(layout, item.noteId);
    return count > 1
      ? translate('facilitator.group.sr.itemNotes', { count, note, more: count - 1 })
      : translate('facilitator.group.sr.itemNote', { note });
  };

  const placeOf = (over: Over | null) => place() ?? ((over?.data.current as DropTarget | undefined) || null);

  const describeOver = (active: Active, target: DropTarget): Said => {
    const item = active.data.current as DragItem;
    const layout = layoutOf(target.promptId);
    const noteIds = item.kind === 'note' ? carried() : [];
    const isNoChange = layout !== undefined && resolveDrop(layout, item, noteIds, target) === null;
    const many = noteIds.length > 1 ? 'yes' : 'no';
    switch (target.kind) {
      case 'ungrouped':
        return isNoChange
          ? {
              place: translate('facilitator.group.sr.placeUngrouped'),
              hint: translate('facilitator.group.sr.hintAlreadyUngrouped', { many }),
              dropped: translate('facilitator.group.sr.droppedAlreadyUngrouped', { many }),
            }
          : {
              place: translate('facilitator.group.sr.placeUngrouped'),
              hint: translate('facilitator.group.sr.hintTakeOut', { many }),
              dropped: translate('facilitator.group.sr.droppedUngrouped'),
            };
      case 'newTheme':
        return {
          place: translate('facilitator.group.sr.placeNewTheme'),
          hint: translate('facilitator.group.sr.hintNewTheme'),
          dropped: translate('facilitator.group.sr.droppedNewTheme'),
        };
      case 'theme': {
        const name = themeName(layout, target.themeId);
        const place = translate('facilitator.group.sr.placeTheme', { name });
        return item.kind === 'theme'
          ? {
              place,
              hint: translate('facilitator.group.sr.hintMerge'),
              dropped: translate('facilitator.group.sr.droppedMerge', { name }),
            }
          : isNoChange
            ? {
                place,
                hint: translate('facilitator.group.sr.hintAlreadyInTheme', { many }),
                dropped: translate('facilitator.group.sr.droppedAlreadyInTheme', { name, many }),
              }
            : {
                place,
                hint: translate('facilitator.group.sr.hintAddEnd'),
                dropped: translate('facilitator.group.sr.droppedTheme', { name }),
              };
      }
      case 'note': {
        const note = noteText(layout, target.noteId);
        if (target.themeId === null)
          return {
            place: translate('facilitator.group.sr.placeNoteUngrouped', { note }),
            hint: translate('facilitator.group.sr.hintBoth'),
            dropped: translate('facilitator.group.sr.droppedOnNote', { note }),
          };
        const name = themeName(layout, target.themeId);
        return {
          place: translate('facilitator.group.sr.placeNoteInTheme', { note, name }),
          hint: translate('facilitator.group.sr.hintBefore'),
          dropped: translate('facilitator.group.sr.droppedBefore', { note, name }),
        };
      }
    }
  };

  /** The place said last in this drag (its dropId), so that a place is said once however the pointer wanders in it. */
  let said: string | null = null;
  let last: DropTarget | null = null;
  const movedOver = (active: Active, over: Over | null) => {
    const now = placeOf(over);
    const key = now ? dropId(now) : '';
    if (key === said) return undefined;
    said = key;
    last = now;
    if (!now) return translate('facilitator.group.sr.notOver');
    const { place: where, hint } = describeOver(active, now);
    return translate('facilitator.group.sr.movedOver', { place: where, hint });
  };

  return {
    onDragStart: ({ active }) => {
      said = null;
      last = null;
      const item = active.data.current as DragItem;
      const key = item.kind === 'theme' ? 'facilitator.group.sr.pickedUpTheme' : 'facilitator.group.sr.pickedUp';
      return translate(key, { item: describeItem(active) });
    },
    onDragMove: ({ active, over }) => (said === null ? undefined : movedOver(active, over)),
    onDragOver: ({ active, over }) => movedOver(active, over),
    // The drag's own handler has ended the session by now: the place said last is where it landed.
    onDragEnd: ({ active, over }) => {
      const landed = last ?? placeOf(over);
      said = null;
      last = null;
      if (!over || !landed) return translate('facilitator.group.sr.droppedNowhere', { item: describeItem(active) });
      return describeOver(active, landed).dropped;
    },
    onDragCancel: ({ active }) => {
      said = null;
      last = null;
      return translate('facilitator.group.sr.cancelled', { item: describeItem(active) });
    },
  };
}
