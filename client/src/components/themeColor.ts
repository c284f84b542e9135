import type { BoardState } from '../../../shared/domain/state';
import { compareByOrder } from '../../../shared/compareByOrder';
import type { Theme } from '../../../shared/records/Theme';

/** How many theme colours styles/colors.css defines (--theme-0-ink … --theme-7-ink). */
export const THEME_COLOR_COUNT = 8;

/**
 * The class that gives a theme its colour: by its position among its question's themes, so the
 * first eight themes of a question never share one, and a theme keeps its colour from Group to
 * Vote, Decide and the projector.
 */
export function themeColorClass(position: number): string {
  const slot = ((position % THEME_COLOR_COUNT) + THEME_COLOR_COUNT) % THEME_COLOR_COUNT;
  return `theme-color-${slot}`;
}

/** A theme's place among its question's themes, as Group shows them. */
export function themePosition(board: BoardState, theme: Theme): number {
  return [...board.themes.values()]
    .filter((t) => t.promptId === theme.promptId)
    .sort(compareByOrder)
    .findIndex((t) => t.id === theme.id);
}
