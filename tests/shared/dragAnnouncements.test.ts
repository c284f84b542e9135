import type { Active, Over } from '@dnd-kit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutBoard } from '../../client/src/components/themeLayout';
import { loadPageMessages } from '../../client/src/i18n/i18n';
import { dragAnnouncements } from '../../client/src/pages/facilitator/group/dragAnnouncements';
import type { DragItem, DropTarget } from '../../client/src/pages/facilitator/group/dragModel';
import { themedState } from './helpers';

const layouts = layoutBoard(themedState().board);

// The facilitator's words are in the catalogs' `pages` part, which the lazily loaded page fetches.
beforeAll(() => loadPageMessages());
const note = (noteId: string): DragItem => ({ kind: 'note', noteId, promptId: 'prompt1' });
const UNGROUPED: DropTarget = { kind: 'ungrouped', promptId: 'prompt1' };
const THEME_TIME: DropTarget = { kind: 'theme', themeId: 'tA', promptId: 'prompt1' };

/** What a screen reader hears over `target` and on dropping there, carrying `carried` (the first is the one held). */
function heard(carried: readonly string[], target: DropTarget) {
  const announcements = dragAnnouncements(
    (promptId) => layouts.get(promptId),
    () => carried,
  );
  const active = { id: 'a', data: { current: note(carried[0] ?? '') } } as unknown as Active;
  const over = { id: 'o', data: { current: target } } as unknown as Over;
  return { over: announcements.onDragOver?.({ active, over }), end: announcements.onDragEnd?.({ active, over }) };
}

describe('keyboard-drag announcements (issue #12: no “take it out of its theme” for a note in none)', () => {
  it.each<[string, readonly string[], DropTarget, string, string]>([
    [
      'a note in no theme, over Ungrouped',
      ['n4'],
      UNGROUPED,
      'Moved over Ungrouped: it is in no theme already, so dropping here changes nothing.',
      'Dropped into Ungrouped, where it already was: nothing changed.',
    ],
    [
      'a note of a theme, over Ungrouped',
      ['n1'],
      UNGROUPED,
      'Moved over Ungrouped: drop to take it out of its theme.',
      'Dropped into Ungrouped.',
    ],
    [
      'two notes, one of them in a theme, over Ungrouped',
      ['n4', 'n1'],
      UNGROUPED,
      'Moved over Ungrouped: drop to take them out of their themes.',
      'Dropped into Ungrouped.',
    ],
    [
      'a note over the theme it is in',
      ['n1'],
      THEME_TIME,
      'Moved over theme ‘Time’: it is in this theme already, so dropping here changes nothing.',
      'Dropped into theme ‘Time’, where it already was: nothing changed.',
    ],
    [
      'a note in no theme, over a theme',
      ['n4'],
      THEME_TIME,
      'Moved over theme ‘Time’: drop to add it at the end.',
      'Dropped into theme ‘Time’.',
    ],
  ])('%s', (_label, carried, target, over, end) => {
    expect(heard(carried, target)).toEqual({ over, end });
  });
});

describe('announcements follow the note pointed at inside a target (notes are not dnd-kit targets)', () => {
  it('says each new place once, from the session’s place rather than dnd-kit’s lagging over, and the drop where it was said', () => {
    let place: DropTarget | null = null;
    const announcements = dragAnnouncements(
      (promptId) => layouts.get(promptId),
      () => ['n4'],
      () => place,
    );
    const active = { id: 'a', data: { current: note('n4') } } as unknown as Active;
    const overTheme = { id: 'theme:tA', data: { current: THEME_TIME } } as unknown as Over;
    expect(announcements.onDragStart({ active })).toMatch(/^Picked up note/);
    // Before dnd-kit's first target, a move says nothing.
    expect(announcements.onDragMove?.({ active, over: null })).toBeUndefined();
    place = THEME_TIME;
    expect(announcements.onDragOver({ active, over: overTheme })).toBe('Moved over theme ‘Time’: drop to add it at the end.');
    expect(announcements.onDragMove?.({ active, over: overTheme })).toBeUndefined();
    // Onto a note of the theme: dnd-kit's target stays the theme, the place changes.
    place = { kind: 'note', noteId: 'n2', themeId: 'tA', promptId: 'prompt1' };
    const onNote = announcements.onDragMove?.({ active, over: overTheme });
    expect(onNote).toMatch(/^Moved over note ‘.*’ in theme ‘Time’: drop to place it before this note\.$/);
    expect(announcements.onDragMove?.({ active, over: overTheme })).toBeUndefined();
    // The drag's own handler ends the session before dnd-kit says the drop: what was said last is where it landed.
    place = null;
    expect(announcements.onDragEnd({ active, over: overTheme })).toMatch(/^Dropped before note ‘.*’ in theme ‘Time’/);
  });
});
