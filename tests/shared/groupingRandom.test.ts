import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { type ErrorCode, isDomainError } from '../../shared/domain/errors';
import { type BoardState, notesOfPrompt } from '../../shared/domain/state';
import { seededRandom } from '../../shared/random';
import {
  afterChanges,
  boardLayout,
  FACILITATOR,
  groupingState,
  groupingViolations,
  step,
  testContext,
  themeOrder,
} from './helpers';

const PROMPTS = ['prompt1', 'prompt2'] as const;

/** What the facilitator sees: where every note sits and the order of each prompt's themes. */
interface Model {
  readonly layout: Record<string, string[]>;
  readonly themes: Record<string, string[]>;
}

function modelOf(board: BoardState): Model {
  return { layout: boardLayout(board), themes: Object.fromEntries(PROMPTS.map((p) => [p, themeOrder(board, p)])) };
}

/**
 * The intended result of a command, computed on plain lists without order keys: the oracle the
 * domain is held to. Covers the commands {@link randomCommand} makes (notes of one prompt, no
 * duplicates), including those made from a view that is no longer current.
 */
function predict(model: Model, command: Command, promptOfNote: (noteId: string) => string): Model | ErrorCode {
  const layout = structuredClone(model.layout);
  const themes = structuredClone(model.themes);
  const promptOfTheme = (themeId: string) => PROMPTS.find((p) => themes[p]!.includes(themeId));
  const insert = (list: string[], items: string[], before: string | null) => {
    const index = before === null ? list.length : list.indexOf(before);
    if (index < 0) return false;
    list.splice(index, 0, ...items);
    return true;
  };
  const takeOut = (ids: string[]) => {
    for (const key of Object.keys(layout)) layout[key] = layout[key]!.filter((id) => !ids.includes(id));
  };
  switch (command.type) {
    case 'moveNotes': {
      const promptId = promptOfNote(command.noteIds[0]!);
      if (command.themeId !== null && promptOfTheme(command.themeId) === undefined) return 'not_found';
      takeOut(command.noteIds);
      if (!insert(layout[command.themeId ?? promptId]!, command.noteIds, command.beforeNoteId)) return 'not_found';
      return { layout, themes };
    }
    case 'createTheme': {
      if (!insert(themes[command.promptId]!, [command.themeId], command.beforeThemeId)) return 'not_found';
      takeOut(command.noteIds);
      layout[command.themeId] = [...command.noteIds];
      return { layout, themes };
    }
    case 'deleteTheme': {
      const promptId = promptOfTheme(command.themeId);
      if (promptId === undefined) return 'not_found';
      layout[promptId]!.push(...layout[command.themeId]!);
      delete layout[command.themeId];
      themes[promptId] = themes[promptId]!.filter((id) => id !== command.themeId);
      return { layout, themes };
    }
    case 'mergeThemes': {
      const promptId = promptOfTheme(command.sourceThemeId);
      if (promptId === undefined || promptOfTheme(command.targetThemeId) === undefined) return 'not_found';
      layout[command.targetThemeId]!.push(...layout[command.sourceThemeId]!);
      delete layout[command.sourceThemeId];
      themes[promptId] = themes[promptId]!.filter((id) => id !== command.sourceThemeId);
      return { layout, themes };
    }
    case 'moveTheme': {
      const promptId = promptOfTheme(command.themeId);
      if (promptId === undefined) return 'not_found';
      themes[promptId] = themes[promptId]!.filter((id) => id !== command.themeId);
      if (!insert(themes[promptId]!, [command.themeId], command.beforeThemeId)) return 'not_found';
      return { layout, themes };
    }
    default:
      throw new Error(`predict does not model ${command.type}`);
  }
}

/** A random grouping command as a facilitator would make it from `view`. */
function randomCommand(random: () => number, view: BoardState, newThemeId: string): Command {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  const promptId = random() < 0.85 ? 'prompt1' : 'prompt2';
  const themes = themeOrder(view, promptId);
  const noteIds = notesOfPrompt(view, promptId).map((n) => n.id);
  const roll = random();
  if (roll < 0.08 && themes.length < 8) {
    return {
      type: 'createTheme',
      themeId: newThemeId,
      promptId,
      name: 'Random',
      noteIds: shuffled(noteIds).slice(0, Math.floor(random() * 4)),
      beforeThemeId: random() < 0.5 ? null : pick([...themes, null]),
    };
  }
  if (roll < 0.14 && themes.length > 1) return { type: 'deleteTheme', themeId: pick(themes) };
  if (roll < 0.22 && themes.length > 1) {
    const [source, target] = shuffled(themes) as [string, string];
    return { type: 'mergeThemes', sourceThemeId: source, targetThemeId: target };
  }
  if (roll < 0.32 && themes.length > 1) {
    const [themeId, before] = shuffled(themes) as [string, string];
    return { type: 'moveTheme', themeId, beforeThemeId: random() < 0.3 ? null : before };
  }
  const moving = shuffled(noteIds).slice(0, 1 + Math.floor(random() * 4));
  const themeId = pick([null, ...themes]);
  const candidates = boardLayout(view)[themeId ?? promptId]!.filter((id) => !moving.includes(id));
  return { type: 'moveNotes', noteIds: moving, themeId, beforeNoteId: random() < 0.3 ? null : pick([...candidates, null]) };
}

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('seeded random grouping by two facilitators', () => {
  it.each(SEEDS)('keeps every note in one place, keys valid and the intended order (seed %i)', (seed) => {
    const random = seededRandom(seed);
    let state = groupingState([
      { promptId: 'prompt1', prefix: 'n', count: 30 },
      { promptId: 'prompt2', prefix: 'w', count: 5 },
    ]);
    for (const [themeId, promptId] of [
      ['tA', 'prompt1'],
      ['tB', 'prompt1'],
      ['tC', 'prompt1'],
      ['tW', 'prompt2'],
    ] as const) {
      state = step(state, FACILITATOR, {
        type: 'createTheme',
        themeId,
        promptId,
        name: themeId,
        noteIds: [],
        beforeThemeId: null,
      });
    }
    // The other facilitator's view lags a few commands behind, as if their command crossed ours.
    const history = [state.board];
    const counts = { accepted: 0, refused: 0 };
    for (let i = 0; i < 200; i++) {
      const lag = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
      const view = history[Math.max(0, history.length - 1 - lag)]!;
      const command = randomCommand(random, view, `t${seed}x${i}`);
      const expected = predict(modelOf(state.board), command, (noteId) => state.board.notes.get(noteId)!.promptId);
      const result = applyCommand(state, FACILITATOR, command, testContext(seed));
      const context = `step ${i}: ${JSON.stringify(command)}`;
      if (typeof expected === 'string') {
        expect(view, `${context} was refused although made from the current view`).not.toBe(state.board);
        expect(isDomainError(result) ? result.error : result, context).toBe(expected);
        counts.refused++;
        continue;
      }
      if (isDomainError(result)) throw new Error(`${context} refused: ${result.message}`);
      state = afterChanges(state, result);
      history.push(state.board);
      counts.accepted++;
      expect(groupingViolations(state.board), context).toEqual([]);
      expect(modelOf(state.board), context).toEqual(expected);
    }
    // Stale commands were made and refused exactly when the oracle says so.
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.accepted).toBeGreaterThan(150);
    expect(counts.accepted + counts.refused).toBe(200);
  });
});
