import pg from 'pg';

/**
 * Fenced writes in one round trip. A commit used to be BEGIN, the fence's SELECT … FOR SHARE, one
 * statement per private change, the applied results and COMMIT: ten or more round trips, during
 * which the transaction sat idle in PostgreSQL holding the board's owner row. A node that stalled
 * in between (SIGSTOP, a long pause, a network cut) kept that lock and blocked the next owner's
 * claim. Here the whole write is one simple-protocol message of several statements, which
 * PostgreSQL runs as one implicit transaction: it commits when the last statement succeeds and
 * rolls back on the first error (the fence's included), with nothing left open in between.
 *
 * Values are written into the SQL as literals: strings through pg's escapeLiteral, bytes as hex,
 * numbers only when finite. Nothing else is accepted.
 */

/** The message of the exception accord_check_owner raises (postgresSchema.ts). */
export const FENCED_MESSAGE = 'accord_fenced';

/** The fence as one statement: raises FENCED_MESSAGE unless this node holds the board at `epoch`; locks the row FOR SHARE. */
export function fenceStatement(boardId: string, epoch: number, nodeId: string, generation: number): [string, unknown[]] {
  return ['SELECT accord_check_owner($1, $2, $3, $4)', [boardId, epoch, nodeId, generation]];
}

/** A value as an SQL literal. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Not a finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Uint8Array)
    return `decode('${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}', 'hex')`;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return `ARRAY[${value.map(sqlLiteral).join(', ')}]::text[]`;
    if (value.every((v) => typeof v === 'number')) return `ARRAY[${value.map(sqlLiteral).join(', ')}]::float8[]`;
  }
  throw new Error(`Cannot write a ${typeof value} into SQL`);
}

/** `sql` with its $1, $2, … replaced by the literals of `params`. */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`No value for $${n}`);
    return sqlLiteral(params[index]);
  });
}

/** What writers of statements need: `query` as on a pg client, collected instead of sent. */
export interface StatementSink {
  query(sql: string, params: readonly unknown[]): Promise<unknown>;
}

/** Collects statements (with their values written in) for one round trip. */
export class StatementBatch implements StatementSink {
  private readonly statements: string[] = [];

  add(sql: string, params: readonly unknown[] = []): void {
    this.statements.push(inlineParams(sql, params));
  }

  async query(sql: string, params: readonly unknown[]): Promise<unknown> {
    this.add(sql, params);
    return undefined;
  }

  /** Runs every statement as one implicit transaction on `pool`. */
  async run(pool: pg.Pool): Promise<void> {
    if (this.statements.length === 0) return;
    await pool.query(this.statements.join(';\n'));
  }
}
