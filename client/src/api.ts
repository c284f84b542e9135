import type { ContentLanguage } from '../../shared/i18n/contentLanguage';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, LEGACY_JOIN_CODE_LENGTH, normaliseJoinCode } from '../../shared/random';
import { refusalText } from './i18n/refusalText';
import { translate } from './i18n/i18n';

/** What POST /api/boards answers (server/api.ts). */
export interface CreatedWorkshop {
  readonly boardId: string;
  readonly joinCode: string;
  readonly participantUrl: string;
  readonly facilitatorUrl: string;
  readonly facilitatorKey: string;
  /** The read-only agreement link and its key (handed out once, like the facilitator key). */
  readonly readerUrl?: string;
  readonly readerKey?: string;
}

/** A board structure saved in this browser, sent as POST /api/boards `custom`. */
export interface CustomStructure {
  readonly name: string;
  readonly prompts: readonly { readonly text: string; readonly kind: 'align' | 'awareness' }[];
  readonly isAnonymous: boolean;
  readonly usesSmartie: boolean;
}

/**
 * A failed request, with a sentence for people: the server's refusal in the person's language
 * (its `reason`, client/src/i18n/errors.ts), else the server's English.
 */
export class ApiError extends Error {}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function messageOf(body: unknown, fallback: () => string): string {
  const refusal = body as { message?: unknown; reason?: unknown; values?: unknown } | null;
  if (typeof refusal?.message !== 'string') return fallback();
  return refusalText({ message: refusal.message, reason: refusal.reason, values: refusal.values });
}

/** `failure` says why when the server gave no reason: called only then (its words come with the page that asks). */
async function postBoard(path: string, body: string, failure: () => string): Promise<CreatedWorkshop> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  } catch {
    throw new ApiError(translate('common.unreachable'));
  }
  const answer = await readJson(response);
  if (!response.ok) throw new ApiError(messageOf(answer, failure));
  return answer as CreatedWorkshop;
}

/**
 * Creates a board; `language` is the one its template's words are written in and its exports
 * default to (the server's default, English, when absent).
 */
export function createWorkshop(
  input: { templateId: string; title?: string } | { custom: CustomStructure; title?: string; purpose?: string },
  language?: ContentLanguage,
): Promise<CreatedWorkshop> {
  const body = language === undefined ? input : { ...input, language };
  return postBoard('/api/boards', JSON.stringify(body), () => translate('start.createFailed'));
}

/** Creates a new board from a JSON export (the file's text, sent as it is). */
export function importWorkshop(exportText: string): Promise<CreatedWorkshop> {
  return postBoard('/api/boards/import', exportText, () => translate('home.import.failed'));
}

/** Why a typed code cannot be a join code, in the current language, or null when it looks right. */
export function joinCodeProblem(input: string): string | null {
  const code = normaliseJoinCode(input);
  if (code.length === 0) return translate('join.problem.empty');
  // Boards made before codes grew keep their six-character code, so both lengths are let through.
  if (code.length !== JOIN_CODE_LENGTH && code.length !== LEGACY_JOIN_CODE_LENGTH) {
    return translate('join.problem.length', { length: JOIN_CODE_LENGTH, typed: code.length });
  }
  if ([...code].some((c) => !JOIN_CODE_ALPHABET.includes(c))) {
    return translate('join.problem.alphabet');
  }
  return null;
}

/** What a join code opens: the board, and the token that proves this browser knew the code. */
export interface JoinAnswer {
  readonly boardId: string;
  readonly joinToken: string;
}

/** The board a join code opens, with its join token (GET /api/join/:code). */
export async function resolveJoinCode(input: string): Promise<JoinAnswer> {
  const code = normaliseJoinCode(input);
  let response: Response;
  try {
    response = await fetch(`/api/join/${encodeURIComponent(code)}`);
  } catch {
    throw new ApiError(translate('common.unreachable'));
  }
  const body = await readJson(response);
  if (!response.ok) throw new ApiError(messageOf(body, () => translate('join.codeUnknown')));
  return body as JoinAnswer;
}
