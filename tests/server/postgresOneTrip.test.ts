import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inlineParams, StatementBatch, sqlLiteral } from '../../server/store/postgresOneTrip';
import { createTestSchema, findTestDatabase } from './testDatabase';

const databaseUrl = await findTestDatabase();
if (databaseUrl === null) console.log('[postgres] one-trip round-trip test skipped: no PostgreSQL (set TEST_DATABASE_URL)');

/** Text a participant could type, chosen to break naive quoting. */
const HOSTILE = [
  "it's",
  "'); DROP TABLE boards; --",
  'back\\slash \\x00 \\\\',
  'a $1 and $2 in a note',
  '$fence$ $$ dollar quotes',
  "E'escaped'",
  'emoji 🙂 and ünïcödé',
  'line\nbreak\ttab',
];

describe('values written into a fenced write', () => {
  it('writes only strings, finite numbers, booleans, bytes, null and flat arrays of strings or numbers', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(Uint8Array.of(0, 255, 16))).toBe("decode('00ff10', 'hex')");
    expect(sqlLiteral(['a', "b'c"])).toBe("ARRAY['a', 'b''c']::text[]");
    expect(() => sqlLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => sqlLiteral({ a: 1 })).toThrow(/Cannot write/);
    expect(() => sqlLiteral([1, 'a'])).toThrow(/Cannot write/);
  });

  it('replaces each $n of the statement once; a $n inside a value is left as text', () => {
    expect(inlineParams('SELECT $1, $2', ['$2', 'x'])).toBe("SELECT '$2', 'x'");
    expect(() => inlineParams('SELECT $3', ['a'])).toThrow(/No value for \$3/);
  });

  it.skipIf(databaseUrl === null)(
    'stores hostile text and bytes exactly, in one transaction that an error undoes whole',
    async () => {
      const schema = await createTestSchema(databaseUrl!);
      const pool = new pg.Pool({ connectionString: databaseUrl!, max: 2, options: `-c search_path=${schema.schema}` });
      try {
        await pool.query(`CREATE SCHEMA ${schema.schema}`);
        await pool.query('CREATE TABLE one_trip (id INTEGER PRIMARY KEY, text TEXT, data BYTEA)');
        const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
        const write = new StatementBatch();
        HOSTILE.forEach((text, i) => write.add('INSERT INTO one_trip (id, text, data) VALUES ($1, $2, $3)', [i, text, bytes]));
        await write.run(pool);
        const { rows } = await pool.query<{ text: string; data: Buffer }>('SELECT text, data FROM one_trip ORDER BY id');
        expect(rows.map((r) => r.text)).toEqual(HOSTILE);
        for (const row of rows) expect(new Uint8Array(row.data)).toEqual(bytes);

        // The second statement fails (duplicate key): the first is rolled back with it.
        const failing = new StatementBatch();
        failing.add('INSERT INTO one_trip (id, text) VALUES ($1, $2)', [100, 'kept?']);
        failing.add('INSERT INTO one_trip (id, text) VALUES ($1, $2)', [0, 'duplicate']);
        await expect(failing.run(pool)).rejects.toThrow(/duplicate key/);
        expect((await pool.query('SELECT 1 FROM one_trip WHERE id = 100')).rowCount).toBe(0);
      } finally {
        await pool.end();
        await schema.drop();
      }
    },
  );
});
