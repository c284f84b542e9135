import type pg from 'pg';

/** The lookup that runs before every batch of commands: named, so each connection parses and plans it once. */
export const APPLIED_RESULTS = {
  name: 'accord_applied_results',
  text: `SELECT actor_key, command_id, result FROM applied_commands
       WHERE board_id = $1 AND (actor_key, command_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
};

/**
 * What a new PostgreSQL session runs once to warm up: a read of every table (the session loads
 * their catalog entries on first use), a call of the fence function (compiled per session), and
 * the applied-results lookup (prepared per connection).
 */
const WARM_UP_SQL = [
  "SELECT 1 FROM boards WHERE id = ''",
  ...[
    'participants',
    'doc_snapshots',
    'doc_updates',
    'drafts',
    'posted_counts',
    'ballots',
    'responses',
    'marks',
    'applied_commands',
    'board_owners',
  ].map((table) => `SELECT 1 FROM ${table} WHERE board_id = ''`),
  "DO $$ BEGIN PERFORM accord_check_owner('', 0, '', 0); EXCEPTION WHEN OTHERS THEN NULL; END $$",
].join(';\n');

/**
 * Opens every connection of the pool and warms its session (WARM_UP_SQL), at start: a node that
 * has just started is handed boards at once in a rolling deploy, and a new session's first
 * statements (catalog reads, the fence function's compilation, a connection's own start) made
 * its first claims and loads take half a second each. The pool keeps the connections (its minimum is its size).
 */
export async function warmUpPool(pool: pg.Pool, size: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  try {
    await Promise.all(
      clients.map(async (client) => {
        await client.query(WARM_UP_SQL);
        await client.query({ ...APPLIED_RESULTS, values: ['', [], []] });
      }),
    );
  } finally {
    for (const client of clients) client.release();
  }
}
