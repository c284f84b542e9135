import { type RunningServer, startServer } from '../../server/AccordServer';
import { configFromEnv } from '../../server/config';
import { storeFromConfig } from '../../server/store/storeFromConfig';
import type { TestSchema } from './testDatabase';

/** The local Redis, unless TEST_REDIS_URL says otherwise. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
export const TEST_CLUSTER_SECRET = 'cluster-secret-of-the-tests-0123456789';

/** One cluster node in this process. */
export interface TestNode extends RunningServer {
  readonly wsUrl: string;
}

/** Starts a node on port 0 against the test schema, as `server/main.ts` would with these variables. */
export async function startNode(schema: TestSchema, nodeId: string, env: Record<string, string> = {}): Promise<TestNode> {
  const config = configFromEnv({
    PORT: '0',
    DATABASE_URL: schema.url,
    DATABASE_SCHEMA: schema.schema,
    CLUSTER_SECRET: TEST_CLUSTER_SECRET,
    NODE_ID: nodeId,
    ...env,
  });
  const running = await startServer(config, await storeFromConfig(config));
  return { ...running, wsUrl: `${running.url.replace('http', 'ws')}/ws` };
}

/** GET /healthz of a node. */
export async function health(node: {
  url: string;
}): Promise<{ nodeId: string; rooms: number; connections: number; owned: number }> {
  return (await (await fetch(`${node.url}/healthz`)).json()) as {
    nodeId: string;
    rooms: number;
    connections: number;
    owned: number;
  };
}

/** The rows of a query in the test schema. */
export async function rows<R>(schema: TestSchema, sql: string, params: unknown[] = []): Promise<R[]> {
  return (await schema.query(sql, params)).rows as R[];
}
