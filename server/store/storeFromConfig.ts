import type { ServerConfig } from '../config';
import { log } from '../log';
import type { BoardStore } from './BoardStore';
import { PostgresStore } from './PostgresStore';
import { SqliteStore } from './SqliteStore';

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (several nodes can
 * share it), else the SQLite file in DATA_DIR. Rejects when PostgreSQL cannot be reached or its
 * tables cannot be created, so that a misconfigured server stops at start instead of at the first commit.
 */
export async function storeFromConfig(
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'databaseSchema'>,
): Promise<BoardStore> {
  if (config.databaseUrl === null) return new SqliteStore(config.dataDir);
  const store = await PostgresStore.open({ connectionString: config.databaseUrl, schema: config.databaseSchema });
  await store.warmUp().catch((error: Error) => log('warn', 'postgres.warm_up_failed', { message: error.message }));
  return store;
}
