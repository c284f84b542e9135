import type { BoardState } from '../domain/state';
import { compareByOrder } from '../compareByOrder';
import { MAX_PROMPTS_PER_BOARD } from '../limits';
import { CURRENT_SCHEMA_VERSION } from '../migrations';
import { agreementItemRecord } from '../records/AgreementItem';
import { boardMetaRecord } from '../records/BoardMeta';
import { noteRecord } from '../records/Note';
import { promptRecord } from '../records/Prompt';
import { proposalRecord } from '../records/Proposal';
import { themeRecord } from '../records/Theme';
import { versionRecord } from '../records/VersionRecord';
import { voteRoundRecord } from '../records/VoteRound';
import { arrayOf, type Infer, type Invalid, integer, isInvalid, object, oneOf, string } from '../validate';

/** Format name and version of the JSON export; an importer refuses anything else. */
export const EXPORT_FORMAT = 'accord.board';
export const EXPORT_FORMAT_VERSION = 1;

/** Most records of one kind an import may hold. */
const MAX_IMPORT_RECORDS = 20_000;

/** Validates a JSON export (the same validators the document is read with). */
export const boardExportSchema = object({
  format: oneOf([EXPORT_FORMAT] as const),
  formatVersion: integer(EXPORT_FORMAT_VERSION, EXPORT_FORMAT_VERSION),
  schemaVersion: integer(1, 10_000),
  exportedAt: string({ minChars: 1, maxChars: 40 }),
  board: object({
    meta: boardMetaRecord,
    // A board never holds more prompts than this (addPrompt, templates and custom structures keep to it).
    prompts: arrayOf(promptRecord, MAX_PROMPTS_PER_BOARD),
    themes: arrayOf(themeRecord, MAX_IMPORT_RECORDS),
    notes: arrayOf(noteRecord, MAX_IMPORT_RECORDS),
    voteRounds: arrayOf(voteRoundRecord, MAX_IMPORT_RECORDS),
    proposals: arrayOf(proposalRecord, MAX_IMPORT_RECORDS),
    agreements: arrayOf(agreementItemRecord, MAX_IMPORT_RECORDS),
    versions: arrayOf(versionRecord, MAX_IMPORT_RECORDS),
  }),
});

/** A complete, versioned board export. */
export type BoardExport = Infer<typeof boardExportSchema>;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The whole public board as JSON: everything in the document, nothing private (no drafts, no
 * ballots, no responses, no authors of anonymous notes). Records are sorted, so two exports of
 * the same board are byte-identical except for `exportedAt`.
 */
export function exportBoardJson(board: BoardState, exportedAt: Date): string {
  const data: BoardExport = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    board: {
      meta: board.meta,
      prompts: [...board.prompts.values()].sort(compareByOrder),
      themes: [...board.themes.values()].sort(byId),
      notes: [...board.notes.values()].sort(byId),
      voteRounds: [...board.voteRounds.values()].sort(byId),
      proposals: [...board.proposals.values()].sort(byId),
      agreements: [...board.agreements.values()].sort(byId),
      versions: [...board.versions.values()].sort((a, b) => a.number - b.number),
    },
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

type ExportedBoard = BoardExport['board'];

/**
 * The first record of an export that points at a record the export does not hold (or shares its
 * id with another record of its kind), as an Invalid naming it; null when every reference holds.
 * A board built from such an export would show notes in no column, decisions about nothing, or
 * crash the commands that follow the reference.
 */
export function findBrokenReference(board: ExportedBoard): Invalid | null {
  const at = (path: string, message: string): Invalid => ({ invalid: true, path: `export.board.${path}`, message });
  const lists = [
    ['prompts', 'prompt', board.prompts],
    ['themes', 'theme', board.themes],
    ['notes', 'note', board.notes],
    ['voteRounds', 'vote round', board.voteRounds],
    ['proposals', 'proposal', board.proposals],
    ['agreements', 'agreement', board.agreements],
  ] as const;
  for (const [kind, noun, records] of lists) {
    const seen = new Set<string>();
    for (const [i, record] of records.entries()) {
      // A second record with the same id would silently replace the first in the document.
      if (seen.has(record.id)) return at(`${kind}[${i}].id`, `is the id of another ${noun} as well`);
      seen.add(record.id);
    }
  }
  const known = {
    prompts: new Set(board.prompts.map((p) => p.id)),
    themes: new Map(board.themes.map((t) => [t.id, t])),
    notes: new Set(board.notes.map((n) => n.id)),
    proposals: new Set(board.proposals.map((p) => p.id)),
    agreements: new Set(board.agreements.map((a) => a.id)),
  };
  const missing = (noun: string, id: string) => `names the ${noun} "${id}", which is not in the export`;
  /** A record's prompt and theme: both in the export, the theme one of that prompt. */
  const place = (path: string, record: { promptId: string; themeId: string | null }): Invalid | null => {
    if (!known.prompts.has(record.promptId)) return at(`${path}.promptId`, missing('prompt', record.promptId));
    if (record.themeId === null) return null;
    const theme = known.themes.get(record.themeId);
    if (!theme) return at(`${path}.themeId`, missing('theme', record.themeId));
    if (theme.promptId !== record.promptId) {
      return at(`${path}.themeId`, `names the theme "${record.themeId}", a theme of another prompt`);
    }
    return null;
  };
  const { focusPromptId } = board.meta;
  if (focusPromptId !== null && !known.prompts.has(focusPromptId))
    return at('meta.focusPromptId', missing('prompt', focusPromptId));
  for (const [i, theme] of board.themes.entries()) {
    if (!known.prompts.has(theme.promptId)) return at(`themes[${i}].promptId`, missing('prompt', theme.promptId));
  }
  for (const [i, note] of board.notes.entries()) {
    const broken = place(`notes[${i}]`, note);
    if (broken) return broken;
  }
  for (const [i, round] of board.voteRounds.entries()) {
    for (const [j, itemId] of (round.itemIds ?? []).entries()) {
      if (!known.notes.has(itemId) && !known.themes.has(itemId)) {
        return at(`voteRounds[${i}].itemIds[${j}]`, missing('note or theme', itemId));
      }
    }
  }
  for (const [i, proposal] of board.proposals.entries()) {
    const broken = place(`proposals[${i}]`, proposal);
    if (broken) return broken;
    const { previousProposalId: previous, targetAgreementId: target } = proposal;
    if (previous !== null && !known.proposals.has(previous)) {
      return at(`proposals[${i}].previousProposalId`, missing('proposal', previous));
    }
    if (target !== null && !known.agreements.has(target)) {
      return at(`proposals[${i}].targetAgreementId`, missing('agreement', target));
    }
  }
  for (const [i, item] of board.agreements.entries()) {
    const broken = place(`agreements[${i}]`, item);
    if (broken) return broken;
    if (!known.proposals.has(item.proposalId)) return at(`agreements[${i}].proposalId`, missing('proposal', item.proposalId));
  }
  return null;
}

/** Validates an uploaded export; a clear reason when it is not one this version can import. */
export function parseBoardExport(value: unknown): BoardExport | Invalid {
  const parsed = boardExportSchema(value, 'export');
  if (isInvalid(parsed)) return parsed;
  if (parsed.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    return {
      invalid: true,
      path: 'export.schemaVersion',
      message: `must be ${CURRENT_SCHEMA_VERSION} (export it again from a current Accord)`,
    };
  }
  return findBrokenReference(parsed.board) ?? parsed;
}
