import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../shared/boardDoc';
import type { DocChange } from '../shared/domain/changes';
import { createBoard } from '../shared/domain/createBoard';
import { sortedPrompts } from '../shared/domain/state';
import { exportBoardJson } from '../shared/exports/boardExport';
import { keysBetween } from '../shared/fractionalIndex';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { JOIN_CODE_ALPHABET, randomId } from '../shared/random';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../shared/templates';
import { LightClient } from './lib/lightClient';
import { pinSelf, removeDataDirs, type ServerStats, startAccord } from './lib/servers';
import { round, sleep, summary } from './lib/stats';

/**
 * `node --import tsx bench/httpFlood.ts [--root=<checkout>] [--import-bytes=N] [--code-length=N] [--seconds=N]`
 *
 * Issue 11 items 3 and 4: what an HTTP flood does to everyone else. A facilitator on a board of
 * its own sends a command every 50 ms (a real commit) while
 *  - import flood: 3 clients, each from its own address, import the largest export the server
 *    accepts and create boards, as fast as the server answers;
 *  - join guessing: 3 clients, each from its own address, guess join codes as fast as the server
 *    answers.
 * and, first, one client importing that export 5 times, one at a time (the event-loop block of one
 * import). Printed per phase: the victim's round trip (p50/p99/max), the server's event-loop delay (max),
 * what the attackers got (boards created, guesses answered, refusals) and the server's RSS growth.
 *
 * `--root` runs the server of another checkout (e.g. `git archive <commit> | tar -x -C /tmp/base`,
 * with a node_modules link) to measure before and after with the same load. The server runs with
 * TRUST_PROXY=1 so that each attacker can have its own address (X-Forwarded-For: one entry,
 * which every version reads the same way).
 */

const args = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [key, value] = a.slice(2).split('=');
      return [key as string, value ?? ''];
    }),
);
const ROOT = args.get('root') || undefined;
const IMPORT_BYTES = Number(args.get('import-bytes') || 2 * 1024 * 1024);
const CODE_LENGTH = Number(args.get('code-length') || 12);
const PHASE_SECONDS = Number(args.get('seconds') || 10);
const ATTACKERS = 3;
/** Imports in the phase that measures one import's event-loop block (within one address's budget). */
const SINGLE_IMPORTS = 5;
/** The victim's pace: one command per 50 ms stays within the per-connection rate limit (20/s). */
const VICTIM_INTERVAL_MS = 50;

/** A valid export of just under `bytes` bytes: the questionnaire with revealed 500-character notes. */
function bigExport(bytes: number): string {
  const doc = new Y.Doc();
  applyDocChanges(
    doc,
    createBoard({ boardId: randomId(), template: WORKING_AGREEMENT_QUESTIONNAIRE, now: Date.now(), newId: randomId }),
    'bench',
  );
  const board = readBoard(doc);
  if (!board) throw new Error('no board');
  const prompts = sortedPrompts(board).map((p) => p.id);
  const sample = exportBoardJson(board, new Date()).length;
  const perNote = 720;
  const count = Math.max(0, Math.floor((bytes - sample - 4096) / perNote));
  const changes: DocChange[] = prompts.map((id) => ({ type: 'patchPrompt', id, fields: { isRevealed: true } }));
  const keys = keysBetween(null, null, count);
  for (let i = 0; i < count; i++) {
    changes.push({
      type: 'putNote',
      note: {
        id: randomId(),
        promptId: prompts[i % prompts.length] as string,
        text: `note ${i} `.padEnd(500, 'x'),
        tag: null,
        themeId: null,
        order: keys[i] as string,
        author: null,
      },
    });
  }
  applyDocChanges(doc, changes, 'bench');
  const text = exportBoardJson(readBoard(doc)!, new Date());
  if (text.length > bytes) throw new Error(`export of ${text.length} bytes is over ${bytes}`);
  return text;
}

function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[Math.floor(Math.random() * JOIN_CODE_ALPHABET.length)];
  return code;
}

interface Tally {
  readonly statuses: Map<number, number>;
  errors: number;
  readonly errorKinds: Set<string>;
}

function count(tally: Tally, status: number): void {
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
}

async function main() {
  pinSelf();
  process.stdout.write(`building an export of at most ${IMPORT_BYTES} bytes…\n`);
  const exported = bigExport(IMPORT_BYTES);
  process.stdout.write(`export: ${exported.length} bytes\n`);
  const server = await startAccord({ env: { TRUST_PROXY: '1' }, ...(ROOT ? { root: ROOT } : {}) });
  const post = (path: string, body: string, address: string) =>
    fetch(`${server.httpUrl}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    });
  try {
    const created = (await (await post('/api/boards', '{}', '198.51.100.1')).json()) as {
      boardId: string;
      facilitatorKey: string;
    };
    const victim = new LightClient({
      url: `${server.wsBase}/${created.boardId}`,
      auth: { v: PROTOCOL_VERSION, facilitatorKey: created.facilitatorKey },
    });
    await victim.opened;
    await victim.whenSynced();

    let phase = 'warm-up';
    const rtts = new Map<string, number[]>();
    let isRunning = true;
    const probe = (async () => {
      let i = 0;
      while (isRunning) {
        const started = performance.now();
        const timing = await victim.command({ type: 'updateBoard', title: `Victim board ${i++ % 2}` });
        if (!timing.result.ok) throw new Error(`victim command refused: ${JSON.stringify(timing.result)}`);
        const list = rtts.get(phase) ?? [];
        list.push(timing.ms);
        rtts.set(phase, list);
        await sleep(Math.max(0, VICTIM_INTERVAL_MS - (performance.now() - started)));
      }
    })();

    const rows: Record<string, unknown>[] = [];
    type Attack = (signal: { stop: boolean }, tally: Tally, n: number) => Promise<void>;
    /** Runs `attackers` copies of `attack` for PHASE_SECONDS, or until they finish when `isTimed` is off. */
    const runPhase = async (name: string, attack: Attack | null, attackers = ATTACKERS, isTimed = true) => {
      await server.stats({ gc: true });
      const before = await server.stats();
      phase = name;
      const tally: Tally = { statuses: new Map(), errors: 0, errorKinds: new Set() };
      const signal = { stop: false };
      const started = performance.now();
      const running = attack ? Array.from({ length: attackers }, (_, n) => attack(signal, tally, n)) : [];
      if (isTimed) {
        await sleep(PHASE_SECONDS * 1000);
        signal.stop = true;
      }
      await Promise.all(running);
      const seconds = (performance.now() - started) / 1000;
      const stats: ServerStats = await server.stats();
      phase = 'between';
      const rtt = summary(rtts.get(name) ?? []);
      rows.push({
        phase: name,
        'victim p50 ms': rtt.p50,
        'victim p99 ms': rtt.p99,
        'victim max ms': rtt.max,
        'loop max ms': round(stats.loop.maxMs),
        'rss +MiB': round((stats.rss - before.rss) / 2 ** 20, 1),
        answers: Object.fromEntries(tally.statuses),
        'per s': round([...tally.statuses.values()].reduce((a, b) => a + b, 0) / seconds, 1),
        errors: tally.errors,
        ...(tally.errorKinds.size > 0 ? { 'error kinds': [...tally.errorKinds].join('; ') } : {}),
      });
      await sleep(1000);
    };

    await sleep(3000);
    const record = (tally: Tally, error: unknown) => {
      tally.errors += 1;
      tally.errorKinds.add(String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message));
    };
    await runPhase('quiet', null);
    // The event-loop block of one import: one client, one import at a time, within its budget.
    await runPhase(
      `${SINGLE_IMPORTS} imports, one at a time`,
      async (_signal, tally) => {
        for (let i = 0; i < SINGLE_IMPORTS; i++) {
          try {
            const response = await post('/api/boards/import', exported, '203.0.113.100');
            await response.arrayBuffer();
            count(tally, response.status);
          } catch (error) {
            record(tally, error);
          }
          await sleep(500);
        }
      },
      1,
      false,
    );
    await runPhase('import flood', async (signal, tally, n) => {
      const address = `203.0.113.${n + 1}`;
      for (let i = 0; !signal.stop; i++) {
        try {
          const response = await post(i % 3 === 0 ? '/api/boards/import' : '/api/boards', i % 3 === 0 ? exported : '{}', address);
          await response.arrayBuffer();
          count(tally, response.status);
        } catch (error) {
          record(tally, error);
          await sleep(10);
        }
      }
    });
    await runPhase('join guessing', async (signal, tally, n) => {
      const address = `192.0.2.${n + 1}`;
      while (!signal.stop) {
        try {
          const response = await fetch(`${server.httpUrl}/api/join/${randomCode()}`, { headers: { 'x-forwarded-for': address } });
          await response.arrayBuffer();
          count(tally, response.status);
        } catch (error) {
          record(tally, error);
          await sleep(10);
        }
      }
    });
    isRunning = false;
    await probe;
    victim.close();
    console.table(rows);
    process.stdout.write(`${JSON.stringify({ root: ROOT ?? '.', importBytes: exported.length, rows })}\n`);
  } finally {
    await server.stop();
    removeDataDirs();
  }
}

await main();
