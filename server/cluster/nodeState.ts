import { hostname } from 'node:os';
import type { ServerConfig } from '../config';
import { log } from '../log';
import { RoomManager } from '../RoomManager';
import type { BoardStore } from '../store/BoardStore';
import { PostgresStore } from '../store/PostgresStore';
import { type AddressCounter, LocalAddressCounter } from './AddressCounter';
import type { BoardOwnership } from './BoardOwnership';
import { ClusterNode } from './ClusterNode';
import { ConfigError } from './clusterConfig';
import { NodeLease } from './NodeLease';
import { PostgresOwnership } from './PostgresOwnership';
import { RedisHints } from './RedisHints';

/** What a running node serves with. */
export interface NodeReady {
  readonly rooms: RoomManager;
  readonly ownership: BoardOwnership;
  readonly counter: AddressCounter;
  /** Null for one process with its own database (the default). */
  readonly cluster: ClusterNode | null;
}

/**
 * A node's state, ready once `start` ran: at once for one process, after the lease is registered
 * for a cluster node (which needs the port it listens on, for its default INTERNAL_URL). Requests
 * that arrive before wait for it.
 */
export function createNodeState(): {
  readonly ready: Promise<NodeReady>;
  start(config: ServerConfig, store: BoardStore, port: number): Promise<NodeReady>;
} {
  let resolve: (ready: NodeReady) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const ready = new Promise<NodeReady>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  ready.catch(() => {});
  return {
    ready,
    async start(config, store, port) {
      try {
        const started = config.cluster ? await startClusterNode(config, store, port) : startSingleNode(config, store);
        resolve(started);
        return started;
      } catch (error) {
        reject(error);
        throw error;
      }
    },
  };
}

function startSingleNode(config: ServerConfig, store: BoardStore): NodeReady {
  const rooms = new RoomManager(store, config.compactAfterUpdates);
  return { rooms, ownership: rooms.ownership, counter: new LocalAddressCounter(), cluster: null };
}

/** The address other nodes use when INTERNAL_URL is not set. */
function defaultInternalUrl(host: string, port: number, hostname: string): string {
  const reachable = host === '0.0.0.0' || host === '::' ? hostname : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}

async function startClusterNode(config: ServerConfig, store: BoardStore, port: number): Promise<NodeReady> {
  const settings = config.cluster;
  if (settings === null) throw new Error('not a cluster node');
  if (!(store instanceof PostgresStore)) throw new ConfigError('Several nodes need the PostgreSQL store: set DATABASE_URL.');
  const internalUrl = settings.internalUrl ?? defaultInternalUrl(config.host, port, hostname());
  // The lease, the ownership and the node refer to each other through callbacks; `node` is set below.
  let node: ClusterNode | null = null;
  let ownership: PostgresOwnership | null = null;
  const lease = new NodeLease(store, {
    nodeId: settings.nodeId,
    internalUrl,
    onLost: (reason) => ownership?.leaseLost(reason),
  });
  ownership = new PostgresOwnership(lease, {
    onClaimed: (boardId) => node?.announceClaim(boardId),
    onLeaseLost: () => node?.announceDown(),
    onHandedOver: (boardId, to) => node?.announceHandOver(boardId, to),
  });
  const hints = settings.redisUrl
    ? RedisHints.start({
        url: settings.redisUrl,
        prefix: settings.redisKeyPrefix,
        nodeId: settings.nodeId,
        secret: settings.secret,
        onEvent: (event) => node?.handleEvent(event),
      })
    : null;
  node = new ClusterNode(settings, ownership, hints, () => lease.liveNodes());
  try {
    await ownership.start();
  } catch (error) {
    await node.stop();
    throw error;
  }
  // The other nodes' internal URLs, before the first client: a hint names a node, PostgreSQL its address.
  await node.checkOwners();
  const rooms = new RoomManager(store, config.compactAfterUpdates, ownership);
  // A board handed over by a draining node: load it before its clients are back (it closes after
  // ROOM_IDLE_MS if none comes). Without Redis the first client's connection opens it.
  node.onHandedOver = (boardId) => {
    if (rooms.draining || rooms.isOpen(boardId)) return;
    rooms.get(boardId).catch((error: Error) => log('info', 'board.warm_failed', { boardId, message: error.message }));
  };
  // A board whose owner's lease ended while this node piped or held its clients: claimed and loaded now.
  node.onOwnerGone = (boardId) => rooms.prepare(boardId);
  return { rooms, ownership, counter: node.counter, cluster: node };
}
