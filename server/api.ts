import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { applyDocChanges } from '../shared/boardDoc';
import { createBoard } from '../shared/domain/createBoard';
import { normaliseJoinCode, randomId, randomJoinCode, randomToken } from '../shared/random';
import { boardPurpose, boardTitle } from '../shared/records/BoardMeta';
import { findTemplate, WORKING_AGREEMENT_QUESTIONNAIRE } from '../shared/templates';
import { id, isInvalid, object } from '../shared/validate';
import { hashSecret } from './Connection';
import { log } from './log';
import { SERVER_ORIGIN } from './Room';
import type { BoardStore } from './store/BoardStore';

/** Largest request body the API reads, in bytes. */
export const MAX_API_BODY_BYTES = 16 * 1024;

/** Bytes of randomness in a facilitator key (192 bits). */
export const FACILITATOR_KEY_BYTES = 24;

const createBoardBody = object({ templateId: id, title: boardTitle, purpose: boardPurpose }, ['templateId', 'title', 'purpose']);

/** What POST /api/boards returns. */
export interface CreatedBoard {
  readonly boardId: string;
  readonly joinCode: string;
  readonly participantUrl: string;
  readonly facilitatorUrl: string;
  readonly facilitatorKey: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_API_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Creates a board from a template and returns its links. The facilitator key appears only here. */
export async function createBoardFromRequest(store: BoardStore, body: unknown, baseUrl: string): Promise<CreatedBoard | string> {
  const input = createBoardBody(body ?? {});
  if (isInvalid(input)) return `${input.path} ${input.message}`;
  const template = input.templateId === undefined ? WORKING_AGREEMENT_QUESTIONNAIRE : findTemplate(input.templateId);
  if (!template) return 'templateId is not a known template';
  const boardId = randomId();
  const facilitatorKey = randomToken(FACILITATOR_KEY_BYTES);
  const doc = new Y.Doc();
  applyDocChanges(
    doc,
    createBoard({ boardId, template, title: input.title, purpose: input.purpose, now: Date.now(), newId: randomId }),
    SERVER_ORIGIN,
  );
  const update = Y.encodeStateAsUpdate(doc);
  for (let attempt = 0; ; attempt++) {
    const joinCode = randomJoinCode();
    try {
      await store.createBoard(
        { id: boardId, joinCode, facilitatorKeyHash: hashSecret(facilitatorKey), createdAt: Date.now() },
        update,
      );
      log('info', 'board.created', { boardId, templateId: template.id });
      return {
        boardId,
        joinCode,
        participantUrl: `${baseUrl}/j/${joinCode}`,
        // The key travels in the fragment: browsers never send it to a server or put it in a Referer.
        facilitatorUrl: `${baseUrl}/b/${boardId}/facilitate#key=${facilitatorKey}`,
        facilitatorKey,
      };
    } catch (error) {
      if (attempt >= 5 || !String((error as Error).message).includes('UNIQUE')) throw error;
    }
  }
}

/** Handles /api/* and /healthz. Returns false when the path is not an API path. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  store: BoardStore,
  baseUrl: string,
  health: () => Record<string, number>,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/healthz') {
    sendJson(res, 200, { ok: true, ...health() });
    return true;
  }
  if (!url.pathname.startsWith('/api/')) return false;
  if (url.pathname === '/api/boards' && req.method === 'POST') {
    let body: unknown;
    try {
      const text = await readBody(req);
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      sendJson(res, 400, { error: 'invalid_request', message: 'The body must be JSON of at most 16 KiB.' });
      return true;
    }
    const created = await createBoardFromRequest(store, body, baseUrl);
    if (typeof created === 'string') sendJson(res, 400, { error: 'invalid_request', message: created });
    else sendJson(res, 201, created);
    return true;
  }
  const join = /^\/api\/join\/([A-Za-z0-9-]{1,16})$/.exec(url.pathname);
  if (join && req.method === 'GET') {
    const boardId = await store.findBoardIdByJoinCode(normaliseJoinCode(join[1] as string));
    if (boardId) sendJson(res, 200, { boardId });
    else sendJson(res, 404, { error: 'not_found', message: 'No workshop has this code. Check the code and try again.' });
    return true;
  }
  sendJson(res, 404, { error: 'not_found', message: 'Unknown API path.' });
  return true;
}
