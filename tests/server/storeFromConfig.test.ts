import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { PostgresStore } from '../../server/store/PostgresStore';
import { SqliteStore } from '../../server/store/SqliteStore';
import { storeFromConfig } from '../../server/store/storeFromConfig';
import { createTestSchema, findTestDatabase, type TestSchema } from './testDatabase';

const databaseUrl = await findTestDatabase();
/** DATABASE_URL means cluster mode, which needs the nodes' shared secret (server/cluster/clusterConfig.ts). */
const CLUSTER_SECRET = 'a-cluster-secret-of-the-tests';

describe('storeFromConfig', () => {
  it('reads DATABASE_URL and DATABASE_SCHEMA, with SQLite and `public` as defaults', () => {
    expect(configFromEnv({})).toMatchObject({ databaseUrl: null, databaseSchema: 'public' });
    expect(configFromEnv({ DATABASE_URL: 'postgres://u@db/accord', DATABASE_SCHEMA: 'accord', CLUSTER_SECRET })).toMatchObject({
      databaseUrl: 'postgres://u@db/accord',
      databaseSchema: 'accord',
    });
  });

  it('opens the SQLite file in DATA_DIR when DATABASE_URL is not set', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'accord-config-'));
    const store = await storeFromConfig(configFromEnv({ DATA_DIR: dir }));
    expect(store).toBeInstanceOf(SqliteStore);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a schema name that would need quoting, before connecting', async () => {
    await expect(
      storeFromConfig(
        configFromEnv({
          DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
          DATABASE_SCHEMA: 'x; DROP TABLE boards',
          CLUSTER_SECRET,
        }),
      ),
    ).rejects.toThrow(/DATABASE_SCHEMA must be/);
  });

  describe.skipIf(databaseUrl === null)('with PostgreSQL', () => {
    let schema: TestSchema | undefined;
    afterAll(async () => {
      await schema?.drop();
    });

    it('opens PostgresStore when DATABASE_URL is set, creating its schema and tables', async () => {
      schema = await createTestSchema(databaseUrl!);
      const store = await storeFromConfig(
        configFromEnv({ DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema.schema, CLUSTER_SECRET }),
      );
      try {
        expect(store).toBeInstanceOf(PostgresStore);
        expect(await store.loadBoard('none')).toBeNull();
        const { rows } = await schema.query('SELECT COUNT(*)::int AS n FROM boards');
        expect(rows[0].n).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
});
