import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalOf } from '../shared/domain/refusals';
import {
  BOARD_BURST_PER_ADDRESS,
  BOARD_BURST_PER_SERVER,
  BOARDS_PER_ADDRESS_PER_HOUR,
  BOARDS_PER_SERVER_PER_HOUR,
  WRONG_JOIN_CODE_BURST_PER_ADDRESS,
  WRONG_JOIN_CODE_BURST_PER_SERVER,
  WRONG_JOIN_CODES_PER_ADDRESS_PER_MINUTE,
  WRONG_JOIN_CODES_PER_SERVER_PER_MINUTE,
} from './http/apiLimits';
import { handleCreateBoard, handleImportBoard } from './http/boardRequests';
import { type EXPORT_TYPES, handleExport } from './http/exports';
import { ImportRunner } from './http/importRunner';
import { handleJoinLookup } from './http/joinLookup';
import { sendJson } from './http/respond';
import { AddressThrottle } from './http/throttle';
import type { RoomManager } from './RoomManager';
import type { BoardStore } from './store/BoardStore';

export type { CreatedBoard } from './boardCreation';
export { createBoardFromRequest } from './boardCreation';
export { MAX_API_BODY_BYTES } from './http/apiLimits';

/** The budgets and the import worker of one server: they outlive requests. */
export interface ApiGuards {
  readonly boards: AddressThrottle;
  readonly wrongJoinCodes: AddressThrottle;
  readonly imports: ImportRunner;
  close(): Promise<void>;
}

/**
 * A server's guards with the limits of server/http/apiLimits.ts; `boardBurstPerAddress` is the
 * configured BOARD_BURST_PER_ADDRESS (server/config.ts).
 */
export function createApiGuards(boardBurstPerAddress: number = BOARD_BURST_PER_ADDRESS): ApiGuards {
  const perHour = (n: number) => n / 3600;
  const perMinute = (n: number) => n / 60;
  const imports = new ImportRunner();
  return {
    boards: new AddressThrottle(
      { burst: boardBurstPerAddress, perSecond: perHour(BOARDS_PER_ADDRESS_PER_HOUR) },
      { burst: BOARD_BURST_PER_SERVER, perSecond: perHour(BOARDS_PER_SERVER_PER_HOUR) },
    ),
    wrongJoinCodes: new AddressThrottle(
      { burst: WRONG_JOIN_CODE_BURST_PER_ADDRESS, perSecond: perMinute(WRONG_JOIN_CODES_PER_ADDRESS_PER_MINUTE) },
      { burst: WRONG_JOIN_CODE_BURST_PER_SERVER, perSecond: perMinute(WRONG_JOIN_CODES_PER_SERVER_PER_MINUTE) },
    ),
    imports,
    close: () => imports.close(),
  };
}

/** What the API needs from the server around it and from the request. */
export interface ApiContext {
  readonly store: BoardStore;
  readonly rooms: RoomManager;
  readonly guards: ApiGuards;
  /** Base of the links handed out (PUBLIC_URL, or the browser's scheme and host). */
  readonly baseUrl: string;
  /** The key the client's address is counted under (server/http/clientAddress.ts). */
  readonly address: string;
  /** The node's figures for /healthz, and whether it can serve boards now. */
  readonly health: () => { readonly isServing: boolean } & Record<string, number | string | boolean>;
}

const EXPORT_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/(?:export\.(md|csv|json)|checkin\.(ics))$/;
const JOIN_PATH = /^\/api\/join\/([A-Za-z0-9-]{1,20})$/;

/** Handles /api/* and /healthz. Returns false when the path is not an API path. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/healthz') {
    // A draining node, or a cluster node whose lease is not being renewed (cut off from the
    // database), answers 503, so that a load balancer's health check stops sending it clients
    // (they would be closed with 45xx and come back later than they need to).
    const { isServing, ...figures } = ctx.health();
    const isDraining = ctx.rooms.draining;
    const ok = !isDraining && isServing;
    sendJson(res, ok ? 200 : 503, {
      ok,
      ...(isDraining ? { draining: true } : {}),
      ...(isServing ? {} : { lease: false }),
      ...figures,
    });
    return true;
  }
  if (!url.pathname.startsWith('/api/')) return false;
  const boardContext = {
    store: ctx.store,
    baseUrl: ctx.baseUrl,
    address: ctx.address,
    boards: ctx.guards.boards,
    imports: ctx.guards.imports,
  };
  if (url.pathname === '/api/boards' && req.method === 'POST') {
    await handleCreateBoard(req, res, boardContext);
    return true;
  }
  if (url.pathname === '/api/boards/import' && req.method === 'POST') {
    await handleImportBoard(req, res, boardContext);
    return true;
  }
  const exported = EXPORT_PATH.exec(url.pathname);
  if (exported && req.method === 'GET') {
    await handleExport(req, res, ctx, exported[1] as string, (exported[2] ?? exported[3]) as keyof typeof EXPORT_TYPES);
    return true;
  }
  const join = JOIN_PATH.exec(url.pathname);
  if (join && req.method === 'GET') {
    await handleJoinLookup(
      res,
      { store: ctx.store, address: ctx.address, wrongJoinCodes: ctx.guards.wrongJoinCodes },
      join[1] as string,
    );
    return true;
  }
  sendJson(res, 404, refusalOf('not_found', 'unknownApiPath'));
  return true;
}
