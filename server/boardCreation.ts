import * as Y from 'yjs';
import { applyDocChanges } from '../shared/boardDoc';
import { createBoard } from '../shared/domain/createBoard';
import { type Refusal, refusalOf } from '../shared/domain/refusals';
import { contentLanguage, DEFAULT_CONTENT_LANGUAGE } from '../shared/i18n/contentLanguage';
import { MAX_PROMPTS_PER_BOARD } from '../shared/limits';
import { randomId, randomJoinCode, randomToken } from '../shared/random';
import { boardPurpose, boardTitle } from '../shared/records/BoardMeta';
import { PROMPT_KINDS, promptText } from '../shared/records/Prompt';
import { findTemplate, type Template, WORKING_AGREEMENT_QUESTIONNAIRE } from '../shared/templates';
import { arrayOf, boolean, id, isInvalid, object, oneOf, string } from '../shared/validate';
import { hashSecret } from './auth';
import { log } from './log';
import { SERVER_ORIGIN } from './room/RoomMember';
import type { BoardStore } from './store/BoardStore';

/** Bytes of randomness in a facilitator key and in a read-only key (192 bits). */
export const SECRET_KEY_BYTES = 24;

/**
 * What POST /api/boards accepts: a built-in template id, or a custom structure (a board saved as
 * a template in the facilitator's browser), and optionally a title, a purpose and the language of
 * the template's words (the board's content language; English when absent).
 */
const createBoardBody = object(
  {
    templateId: id,
    title: boardTitle,
    purpose: boardPurpose,
    custom: object({
      name: string({ minChars: 1, maxChars: 80, trim: true }),
      prompts: arrayOf(object({ text: promptText, kind: oneOf(PROMPT_KINDS) }), MAX_PROMPTS_PER_BOARD),
      isAnonymous: boolean,
      usesSmartie: boolean,
    }),
    language: contentLanguage,
  },
  ['templateId', 'title', 'purpose', 'custom', 'language'],
);

/** What POST /api/boards returns. Keys appear only here, once. */
export interface CreatedBoard {
  readonly boardId: string;
  readonly joinCode: string;
  readonly participantUrl: string;
  readonly facilitatorUrl: string;
  readonly facilitatorKey: string;
  /** The read-only agreement link, for people who should see the agreement without joining. */
  readonly readerUrl: string;
  readonly readerKey: string;
}

/** Stores a new board whose document is `update`, with fresh keys and a unique join code. */
async function storeBoard(store: BoardStore, boardId: string, update: Uint8Array, baseUrl: string): Promise<CreatedBoard> {
  const facilitatorKey = randomToken(SECRET_KEY_BYTES);
  const readerKey = randomToken(SECRET_KEY_BYTES);
  for (let attempt = 0; ; attempt++) {
    const joinCode = randomJoinCode();
    try {
      await store.createBoard(
        {
          id: boardId,
          joinCode,
          facilitatorKeyHash: hashSecret(facilitatorKey),
          readerKeyHash: hashSecret(readerKey),
          createdAt: Date.now(),
        },
        update,
      );
      return {
        boardId,
        joinCode,
        participantUrl: `${baseUrl}/j/${joinCode}`,
        // Keys travel in the fragment: browsers never send it to a server or put it in a Referer.
        facilitatorUrl: `${baseUrl}/b/${boardId}/facilitate#key=${facilitatorKey}`,
        facilitatorKey,
        readerUrl: `${baseUrl}/r/${boardId}#key=${readerKey}`,
        readerKey,
      };
    } catch (error) {
      if (attempt >= 5 || !String((error as Error).message).includes('UNIQUE')) throw error;
    }
  }
}

/** Creates a board from a template (built-in or custom). Returns the refusal when the body is refused. */
export async function createBoardFromRequest(
  store: BoardStore,
  body: unknown,
  baseUrl: string,
): Promise<CreatedBoard | Refusal<'invalid_request'>> {
  const input = createBoardBody(body ?? {});
  if (isInvalid(input)) return refusalOf('invalid_request', 'invalidField', { path: input.path, problem: input.message });
  let template: Template | undefined;
  if (input.custom) {
    if (input.custom.prompts.length === 0) return refusalOf('invalid_request', 'customPromptsEmpty');
    template = {
      id: 'custom',
      name: input.custom.name,
      summary: '',
      title: input.custom.name,
      purpose: '',
      prompts: input.custom.prompts,
      isAnonymous: input.custom.isAnonymous,
      usesSmartie: input.custom.usesSmartie,
    };
  } else {
    template = input.templateId === undefined ? WORKING_AGREEMENT_QUESTIONNAIRE : findTemplate(input.templateId);
  }
  if (!template) return refusalOf('invalid_request', 'templateUnknown');
  const boardId = randomId();
  const changes = createBoard({
    boardId,
    template,
    title: input.title,
    purpose: input.purpose,
    language: input.language ?? DEFAULT_CONTENT_LANGUAGE,
    now: Date.now(),
    newId: randomId,
  });
  const doc = new Y.Doc();
  applyDocChanges(doc, changes, SERVER_ORIGIN);
  const created = await storeBoard(store, boardId, Y.encodeStateAsUpdate(doc), baseUrl);
  log('info', 'board.created', { boardId, templateId: template.id, language: input.language ?? DEFAULT_CONTENT_LANGUAGE });
  return created;
}

/** Stores an imported board, whose first update was built by buildImportedBoard (server/boardImport.ts). */
export async function storeImportedBoard(
  store: BoardStore,
  boardId: string,
  update: Uint8Array,
  notes: number,
  baseUrl: string,
): Promise<CreatedBoard> {
  const created = await storeBoard(store, boardId, update, baseUrl);
  log('info', 'board.imported', { boardId, notes });
  return created;
}
