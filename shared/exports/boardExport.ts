import type { BoardState } from '../domain/state';
import { compareByOrder } from '../fractionalIndex';
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
  return parsed;
}
