import { beforeEach, describe, expect, it } from 'vitest';
import { clearUndo, MAX_UNDO_STEPS, pushUndo, takeUndo, useUndoStore } from '../../client/src/sync/undoStack';

const grouping = (n: number) =>
  ({ kind: 'grouping', label: `move ${n}`, command: { type: 'deleteTheme', themeId: `t${n}` }, promptId: null }) as const;

describe('the undo stack', () => {
  beforeEach(clearUndo);

  it(`keeps the newest MAX_UNDO_STEPS (${MAX_UNDO_STEPS}) actions and forgets older ones`, () => {
    for (let n = 1; n <= MAX_UNDO_STEPS + 5; n++) pushUndo(grouping(n));
    const labels = useUndoStore.getState().entries.map((e) => e.label);
    expect(labels).toHaveLength(MAX_UNDO_STEPS);
    expect(labels[0]).toBe('move 6');
    expect(labels.at(-1)).toBe(`move ${MAX_UNDO_STEPS + 5}`);
  });

  it('undoes the newest of a kind first, and a chosen entry by its id', () => {
    pushUndo(grouping(1));
    pushUndo({ kind: 'note', label: 'deleting note ‘a’', command: { type: 'deleteDraft', draftId: 'd' }, promptId: 'p1' });
    pushUndo(grouping(2));
    expect(takeUndo({ kind: 'grouping' })?.label).toBe('move 2');
    const note = useUndoStore.getState().entries.find((e) => e.kind === 'note');
    expect(takeUndo({ id: note?.id ?? -1 })?.label).toBe('deleting note ‘a’');
    expect(takeUndo({ kind: 'note' })).toBeUndefined();
    expect(takeUndo({ kind: 'grouping' })?.label).toBe('move 1');
    expect(takeUndo({ kind: 'grouping' })).toBeUndefined();
  });
});
