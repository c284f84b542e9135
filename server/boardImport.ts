import * as Y from 'yjs';
import { applyDocChanges } from '../shared/boardDoc';
import type { DocChange } from '../shared/domain/changes';
import { type Refusal, refusalOf } from '../shared/domain/refusals';
import { type BoardExport, parseBoardExport } from '../shared/exports/boardExport';
import { MAX_IMPORT_BYTES } from '../shared/limits';
import { isInvalid } from '../shared/validate';
import { importRefusal } from './importRefusal';

/** The document of an imported board, or a sentence saying why the body is refused. */
export type ImportBuild =
  | { readonly update: Uint8Array; readonly notes: number }
  | { readonly refusal: Refusal<'invalid_request'> };

/** The refusal of a body that is not JSON or too large (the same words as any other API body). */
export const NOT_JSON_REFUSAL = refusalOf('invalid_request', 'bodyNotJson', { kib: Math.round(MAX_IMPORT_BYTES / 1024) });

/**
 * The counters of an export that stood for private state, which an export does not carry:
 * a prompt's pending (unrevealed or held) notes, and the people who voted in an open vote round
 * or responded to an open consensus round. On the new board that state is empty, so the counters
 * are too; otherwise the next note, dot or response would be counted on top of ballots that are
 * gone. An unrevealed prompt's contributors only wrote drafts, so they go as well.
 */
function withoutPrivateCounts(board: BoardExport['board']): BoardExport['board'] {
  return {
    ...board,
    prompts: board.prompts.map((p) => ({ ...p, pendingCount: 0, contributorCount: p.isRevealed ? p.contributorCount : 0 })),
    voteRounds: board.voteRounds.map((r) => (r.status === 'open' ? { ...r, voterCount: 0 } : r)),
    proposals: board.proposals.map((p) => (p.status === 'open' ? { ...p, respondentCount: 0 } : p)),
  };
}

/**
 * Builds the document of a new board from the bytes of a JSON export: every record as exported
 * (their ids included, so the export of the new board equals the original apart from the board
 * id, its creation time, the export time and the counters of private state that does not come
 * along), through the same validated changes the server writes. Pure and synchronous: the server
 * runs it in a worker (server/http/importWorker.ts), because parsing and building a large board
 * takes long enough to stall every other board on the event loop.
 */
export function buildImportedBoard(body: Uint8Array, boardId: string, now: number): ImportBuild {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { refusal: NOT_JSON_REFUSAL };
  }
  const data = parseBoardExport(value);
  if (isInvalid(data)) return { refusal: importRefusal(data) };
  const board = withoutPrivateCounts(data.board);
  const changes: DocChange[] = [
    { type: 'setMeta', fields: { ...board.meta, id: boardId, createdAt: now } },
    ...board.prompts.map((prompt): DocChange => ({ type: 'putPrompt', prompt })),
    ...board.themes.map((theme): DocChange => ({ type: 'putTheme', theme })),
    ...board.notes.map((note): DocChange => ({ type: 'putNote', note })),
    ...board.voteRounds.map((round): DocChange => ({ type: 'putVoteRound', round })),
    ...board.proposals.map((proposal): DocChange => ({ type: 'putProposal', proposal })),
    ...board.agreements.map((item): DocChange => ({ type: 'putAgreement', item })),
    ...board.versions.map((version): DocChange => ({ type: 'putVersion', version })),
  ];
  const doc = new Y.Doc();
  applyDocChanges(doc, changes, null);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { update, notes: board.notes.length };
}
