import { useMemo, useRef } from 'react';
import type { BoardState } from '../../../shared/domain/state';
import { compareByOrder } from '../../../shared/compareByOrder';
import type { Note } from '../../../shared/records/Note';
import type { Prompt } from '../../../shared/records/Prompt';
import type { Theme } from '../../../shared/records/Theme';
import { translate } from '../i18n/i18n';

/** A theme with its notes in order. */
export interface ThemeGroup {
  readonly theme: Theme;
  readonly notes: readonly Note[];
  readonly needCount: number;
}

/** One prompt as the group phase shows it: its themes in order, then the notes in no theme. */
export interface PromptLayout {
  readonly prompt: Prompt;
  readonly themes: readonly ThemeGroup[];
  readonly ungrouped: readonly Note[];
  readonly noteCount: number;
  readonly needCount: number;
}

const countNeeds = (notes: readonly Note[]) => notes.reduce((sum, n) => sum + (n.tag === 'need' ? 1 : 0), 0);

const isSameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** `next`, or `previous` when it holds the very same theme and notes (so that a memoised view skips it). */
function sameGroup(previous: ThemeGroup | undefined, next: ThemeGroup): ThemeGroup {
  return previous && previous.theme === next.theme && isSameList(previous.notes, next.notes) ? previous : next;
}

/**
 * `next`, or `previous` when nothing in it changed (the same prompt, theme groups and notes);
 * when something did, `next` keeps the theme groups and the list of ungrouped notes that did not.
 */
function sameLayout(previous: PromptLayout | undefined, next: PromptLayout): PromptLayout {
  if (!previous) return next;
  const previousGroups = new Map(previous.themes.map((group) => [group.theme.id, group]));
  const themes = next.themes.map((group) => sameGroup(previousGroups.get(group.theme.id), group));
  const isSameUngrouped = isSameList(previous.ungrouped, next.ungrouped);
  if (previous.prompt === next.prompt && isSameUngrouped && isSameList(previous.themes, themes)) return previous;
  return { ...next, themes, ungrouped: isSameUngrouped ? previous.ungrouped : next.ungrouped };
}

/**
 * Every prompt's layout, in one pass over the notes (boards hold up to thousands). Given the
 * layouts of the previous board, a prompt or theme whose contents did not change keeps its
 * previous object, so that the views render only what changed.
 */
export function layoutBoard(board: BoardState, previous?: ReadonlyMap<string, PromptLayout>): Map<string, PromptLayout> {
  const byContainer = new Map<string, Note[]>();
  for (const note of board.notes.values()) {
    const key = note.themeId ?? `prompt:${note.promptId}`;
    const list = byContainer.get(key);
    if (list) list.push(note);
    else byContainer.set(key, [note]);
  }
  for (const list of byContainer.values()) list.sort(compareByOrder);
  const themesByPrompt = new Map<string, Theme[]>();
  for (const theme of board.themes.values()) {
    const list = themesByPrompt.get(theme.promptId);
    if (list) list.push(theme);
    else themesByPrompt.set(theme.promptId, [theme]);
  }
  const layouts = new Map<string, PromptLayout>();
  for (const prompt of board.prompts.values()) {
    const themes = (themesByPrompt.get(prompt.id) ?? []).sort(compareByOrder).map((theme) => {
      const notes = byContainer.get(theme.id) ?? [];
      return { theme, notes, needCount: countNeeds(notes) };
    });
    const ungrouped = byContainer.get(`prompt:${prompt.id}`) ?? [];
    const noteCount = ungrouped.length + themes.reduce((sum, t) => sum + t.notes.length, 0);
    const needCount = countNeeds(ungrouped) + themes.reduce((sum, t) => sum + t.needCount, 0);
    layouts.set(prompt.id, sameLayout(previous?.get(prompt.id), { prompt, themes, ungrouped, noteCount, needCount }));
  }
  return layouts;
}

/** {@link layoutBoard} of the board, sharing with the layouts of the board before it. */
export function useBoardLayouts(board: BoardState | null): ReadonlyMap<string, PromptLayout> {
  const previous = useRef<ReadonlyMap<string, PromptLayout> | undefined>(undefined);
  return useMemo(() => {
    const layouts = board ? layoutBoard(board, previous.current) : new Map<string, PromptLayout>();
    previous.current = layouts;
    return layouts;
  }, [board]);
}

/** "4 notes · 2 needs" — the count line of a theme. */
export function themeCountLine(noteCount: number, needCount: number): string {
  return translate('themes.countLine', { notes: noteCount, needs: needCount });
}

/** "5 people have written" — progress of a prompt, counts only. */
export function writersLine(contributorCount: number): string {
  return translate('themes.writers', { count: contributorCount });
}

/** A note's words cut for a sentence or a label, in the reader's quotation marks: "‘Long meetings drain…’". */
export function noteExcerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return translate('common.quoted', { text: flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat });
}
