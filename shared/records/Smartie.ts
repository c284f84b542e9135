import { MAX_SMARTIE_OWNER_CHARS, MAX_SMARTIE_TEXT_CHARS } from '../limits';
import { type Infer, nullable, object, string, type Validator } from '../validate';

/** Validates a calendar date written YYYY-MM-DD (a real date). */
export const calendarDate: Validator<string> = (value, path = '') => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return { invalid: true, path, message: 'must be a date like 2027-03-31' };
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    return { invalid: true, path, message: 'is not a real date' };
  return value;
};

/**
 * Validates the SMARTIE fields of an action item (seed 002): who owns it, how the group will know
 * it is met, by when, and the inclusion and equity check ("could this have an unintended
 * disparate impact, and how do we make equity an intentional feature?").
 */
export const smartieFields = object({
  owner: string({ maxChars: MAX_SMARTIE_OWNER_CHARS, trim: true }),
  measure: string({ maxChars: MAX_SMARTIE_TEXT_CHARS, trim: true }),
  deadline: nullable(calendarDate),
  equityCheck: string({ maxChars: MAX_SMARTIE_TEXT_CHARS, trim: true }),
});

/** SMARTIE fields of an agreement item. */
export type Smartie = Infer<typeof smartieFields>;
