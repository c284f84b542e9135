import type { BoardState } from '../domain/state';
import { compareByOrder } from '../compareByOrder';
import { exportText } from '../i18n/content';
import { boardLanguage, type ContentLanguage } from '../i18n/contentLanguage';
import { decisionRecord, inForce } from './markdownExport';

/**
 * The UTF-8 byte-order mark. Without it Excel and other spreadsheet programs read a CSV file in
 * the system's legacy code page, and "…" or "–" come out as "â€¦" or "â€“".
 */
export const UTF8_BOM = '\uFEFF';

/** Quotes one CSV field (RFC 4180), and defuses spreadsheet formulas. */
export function csvField(value: string | number): string {
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV's columns, in order (English's header row; other languages name them in their words). */
export const CSV_COLUMNS = ['row', 'prompt', 'kind', 'theme', 'text', 'tag', 'note_votes', 'theme_votes', 'decision'] as const;

/**
 * The agreement, then what was heard, as one table. First one `agreement` row per agreed statement
 * in force: prompt, kind, the theme it answers, the statement as `text`, and its decision record
 * (rule, round, date, version, counts) as `decision`. Then one `note` row per revealed note:
 * prompt, kind, theme, note, tag, then the dots of the latest closed vote — `note_votes` on the
 * note itself (an ungrouped note is an item of the vote), `theme_votes` on its theme (for a note
 * in a theme, repeated on each of the theme's notes). A count is empty when the note or theme was
 * not an item of that vote (awareness prompts never are). No authorship of any kind. The file
 * starts with a byte-order mark. The header row, the row kinds, prompt kinds, tags and decision
 * records are in `language` (the board's content language unless another is asked for).
 */
export function exportBoardCsv(board: BoardState, language: ContentLanguage = boardLanguage(board.meta)): string {
  const t = exportText(language);
  const rounds = [...board.voteRounds.values()]
    .filter((r) => r.tallies !== null)
    .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0));
  const tallies = rounds.at(-1)?.tallies ?? {};
  const themes = new Map([...board.themes.values()].map((t) => [t.id, t]));
  const prompts = [...board.prompts.values()].sort(compareByOrder);
  const row = (cells: Record<(typeof CSV_COLUMNS)[number], string | number>) =>
    CSV_COLUMNS.map((column) => csvField(cells[column])).join(',');
  const rows: string[] = [t.csvColumns.map(csvField).join(',')];
  for (const prompt of prompts) {
    for (const item of inForce(board, prompt.id)) {
      const theme = item.themeId === null ? undefined : themes.get(item.themeId);
      rows.push(
        row({
          row: t.csvRows.agreement,
          prompt: prompt.text,
          kind: t.csvKinds[prompt.kind],
          theme: theme?.name ?? '',
          text: item.statement,
          tag: '',
          note_votes: '',
          theme_votes: '',
          decision: decisionRecord(item, t),
        }),
      );
    }
  }
  for (const prompt of prompts) {
    const notes = [...board.notes.values()]
      .filter((n) => n.promptId === prompt.id)
      .sort((a, b) => {
        const ta = a.themeId === null ? null : themes.get(a.themeId);
        const tb = b.themeId === null ? null : themes.get(b.themeId);
        if (ta !== tb) return ta ? (tb ? compareByOrder(ta, tb) : -1) : 1;
        return compareByOrder(a, b);
      });
    for (const note of notes) {
      const theme = note.themeId === null ? undefined : themes.get(note.themeId);
      rows.push(
        row({
          row: t.csvRows.note,
          prompt: prompt.text,
          kind: t.csvKinds[prompt.kind],
          theme: theme?.name ?? '',
          text: note.text,
          tag: note.tag === null ? '' : t.csvTags[note.tag],
          note_votes: tallies[note.id] ?? '',
          theme_votes: theme ? (tallies[theme.id] ?? '') : '',
          decision: '',
        }),
      );
    }
  }
  return `${UTF8_BOM}${rows.join('\r\n')}\r\n`;
}
