import { MAX_THEME_NAME_CHARS } from '../limits';
import { type Infer, id, object, string } from '../validate';

/** Validates a theme name: trimmed, 1 to MAX_THEME_NAME_CHARS characters. */
export const themeName = string({ minChars: 1, maxChars: MAX_THEME_NAME_CHARS, trim: true });

/** Validates a theme as stored in the board document. */
export const themeRecord = object({
  id,
  /** Themes belong to one prompt; notes of other prompts cannot join them. */
  promptId: id,
  name: themeName,
  /** Fractional index among the prompt's themes. */
  order: string({ minChars: 1, maxChars: 256 }),
});

/** A named cluster of notes within one prompt. */
export type Theme = Infer<typeof themeRecord>;
