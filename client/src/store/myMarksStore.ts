import { create } from 'zustand';
import type { MarkKind } from '../../../shared/records/Mark';

/** My marks (done, reactions) by prompt, round or note id (optimistic). Nobody else ever sees them. */
export type MyMarks = Readonly<Record<string, readonly MarkKind[]>>;

export const NO_MARKS: MyMarks = {};

/**
 * Apart from the board view on purpose: every revealed note's reactions subscribe to it (1,000 on
 * a large board), and a store's listeners all run on each of its changes. The board view changes
 * with every remote move; my marks change only when I mark something. Written only by client/src/sync.
 */
export const useMyMarks = create<MyMarks>(() => NO_MARKS);
