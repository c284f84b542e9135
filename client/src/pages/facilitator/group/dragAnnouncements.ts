import type { Active, Announcements, Over, ScreenReaderInstructions } from '@dnd-kit/core';
import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
import { countNotes } from '../../../copy';
import { type DragItem, type DropTarget, resolveDrop } from './dragModel';

/** Read out when a note or theme gets focus: how to move it without a mouse. */
export const SCREEN_READER_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'To move it, press Space. Then use the Up and Down arrow keys to go from place to place, or Left and Right to jump between themes. Press Space again to drop it there, or Escape to cancel. You can also use the Move to button.',
};

/**
 * Plain sentences for every step of a drag ("Picked up note ‘childcare’. Moved over theme
 * ‘Family’. Dropped into theme ‘Family’."). `carried` is the notes the drag carries. A place
 * where dropping changes nothing (Ungrouped for a note in no theme) says so, and offers nothing.
 */
export function dragAnnouncements(
  layoutOf: (promptId: string) => PromptLayout | undefined,
  carried: () => readonly string[],
): Announcements {
  const noteText = (layout: PromptLayout | undefined, noteId: string) =>
    noteExcerpt(
      [...(layout?.ungrouped ?? []), ...(layout?.themes.flatMap((t) => t.notes) ?? [])].find((n) => n.id === noteId)?.text ?? '',
    );
  const themeName = (layout: PromptLayout | undefined, themeId: string) =>
    `‘${layout?.themes.find((t) => t.theme.id === themeId)?.theme.name ?? ''}’`;

  const describeItem = (active: Active) => {
    const item = active.data.current as DragItem;
    const layout = layoutOf(item.promptId);
    if (item.kind === 'theme') return `theme ${themeName(layout, item.themeId)}`;
    const count = carried().length;
    const text = noteText(layout, item.noteId);
    return count > 1 ? `${countNotes(count)}: ${text} and ${count - 1} more` : `note ${text}`;
  };

  const describeOver = (active: Active, over: Over) => {
    const item = active.data.current as DragItem;
    const target = over.data.current as DropTarget;
    const layout = layoutOf(target.promptId);
    const noteIds = item.kind === 'note' ? carried() : [];
    const isNoChange = layout !== undefined && resolveDrop(layout, item, noteIds, target) === null;
    const them = noteIds.length > 1;
    switch (target.kind) {
      case 'ungrouped':
        return isNoChange
          ? {
              place: 'Ungrouped',
              hint: `${them ? 'they are' : 'it is'} in no theme already, so dropping here changes nothing`,
              dropped: `Dropped into Ungrouped, where ${them ? 'they' : 'it'} already ${them ? 'were' : 'was'}: nothing changed.`,
            }
          : {
              place: 'Ungrouped',
              hint: `drop to take ${them ? 'them out of their themes' : 'it out of its theme'}`,
              dropped: 'Dropped into Ungrouped.',
            };
      case 'newTheme':
        return { place: 'New theme', hint: 'drop to start a new theme', dropped: 'Dropped on New theme: name the theme.' };
      case 'theme': {
        const name = themeName(layout, target.themeId);
        return item.kind === 'theme'
          ? {
              place: `theme ${name}`,
              hint: 'drop to merge the two themes',
              dropped: `Dropped on theme ${name}: confirm the merge.`,
            }
          : isNoChange
            ? {
                place: `theme ${name}`,
                hint: `${them ? 'they are' : 'it is'} in this theme already, so dropping here changes nothing`,
                dropped: `Dropped into theme ${name}, where ${them ? 'they' : 'it'} already ${them ? 'were' : 'was'}: nothing changed.`,
              }
            : { place: `theme ${name}`, hint: 'drop to add it at the end', dropped: `Dropped into theme ${name}.` };
      }
      case 'note': {
        const text = noteText(layout, target.noteId);
        if (target.themeId === null)
          return {
            place: `note ${text} in Ungrouped`,
            hint: 'drop to start a new theme with both',
            dropped: `Dropped on note ${text}: name the new theme.`,
          };
        const name = themeName(layout, target.themeId);
        return {
          place: `note ${text} in theme ${name}`,
          hint: 'drop to place it before this note',
          dropped: `Dropped before note ${text} in theme ${name}.`,
        };
      }
    }
  };

  return {
    onDragStart: ({ active }) => {
      const item = active.data.current as DragItem;
      const extra = item.kind === 'theme' ? ' Drop it on another theme to merge them.' : '';
      return `Picked up ${describeItem(active)}.${extra}`;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return 'Not over a place to drop.';
      const { place, hint } = describeOver(active, over);
      return `Moved over ${place}: ${hint}.`;
    },
    onDragEnd: ({ active, over }) => {
      if (!over) return `Dropped where nothing changes: ${describeItem(active)} stays where it was.`;
      return describeOver(active, over).dropped;
    },
    onDragCancel: ({ active }) => `Moving cancelled: ${describeItem(active)} stays where it was.`,
  };
}
