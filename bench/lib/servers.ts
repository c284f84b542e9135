import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOOKS = path.join(ROOT, 'bench/lib/serverHooks.mjs');
const REFERENCE_ENTRY = path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js');

/** CPU affinity: servers on core 0, this load generator on core 1, when `taskset` exists. */
export const SERVER_CORE = '0';
export const LOAD_CORE = '1';

let tasksetPath: string | null | undefined;
export function taskset(): string | null {
  if (tasksetPath === undefined) {
    try {
      execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
      tasksetPath = 'taskset';
    } catch {
      tasksetPath = null;
    }
  }
  return tasksetPath;
}

/** Pins this process (all its threads) to the load core. Returns false when it cannot. */
export function pinSelf(): boolean {
  if (!taskset()) return false;
  try {
    execFileSync('taskset', ['-a', '-cp', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface ServerStats {
  readonly loop: { p50Ms: number; p99Ms: number; maxMs: number };
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

/** A server under test, in its own child process. */
export interface ServerUnderTest {
  readonly kind: 'accord' | 'reference';
  readonly pid: number;
  readonly httpUrl: string;
  /** Base of WebSocket URLs: Accord `ws://host/ws`, reference `ws://host`. */
  readonly wsBase: string;
  readonly dataDir: string | null;
  /** Asks the child for its event-loop delay, CPU time and memory since the last call. */
  stats(options?: { gc?: boolean }): Promise<ServerStats>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function spawnPinned(args: string[], env: NodeJS.ProcessEnv, cwd: string = ROOT): ChildProcess {
  const nodeArgs = [...args];
  const cmd = taskset();
  const stdio: ['ignore', 'pipe', 'pipe', 'ipc'] = ['ignore', 'pipe', 'pipe', 'ipc'];
  if (cmd) return spawn(cmd, ['-c', SERVER_CORE, process.execPath, ...nodeArgs], { cwd, env, stdio });
  return spawn(process.execPath, nodeArgs, { cwd, env, stdio });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms: ${out}${err}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.length > 10_000) err = err.slice(-10_000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}${err}`));
    });
  });
}

function wrap(
  kind: ServerUnderTest['kind'],
  child: ChildProcess,
  httpUrl: string,
  wsBase: string,
  dataDir: string | null,
  ownsDataDir: boolean,
): ServerUnderTest {
  let nextId = 0;
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  // Drain output so a chatty child never blocks on a full pipe; BENCH_SERVER_STDERR=1 shows the servers' stderr.
  child.stdout?.resume();
  if (process.env.BENCH_SERVER_STDERR) child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  else child.stderr?.resume();
  return {
    kind,
    pid: child.pid as number,
    httpUrl,
    wsBase,
    dataDir,
    stats(options = {}) {
      const id = ++nextId;
      return new Promise<ServerStats>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('server stats timed out')), 10_000);
        const onMessage = (message: { type?: string; id?: number } & ServerStats) => {
          if (message?.type !== 'stats' || message.id !== id) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.send({ type: 'stats', id, gc: options.gc === true });
      });
    },
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const killed = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exitedPromise;
        clearTimeout(killed);
      }
      if (ownsDataDir && dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const dataDirs = new Set<string>();

/** A temp folder on the same disk as the system temp dir (ext4 here, so fsync is real); removed by removeDataDirs at the latest. */
export function makeDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-bench-'));
  dataDirs.add(dir);
  return dir;
}

/** Removes every data folder this run made (also those of a workload that failed half-way). */
export function removeDataDirs(): void {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  dataDirs.clear();
}

/**
 * Starts Accord (`node --import tsx server/main.ts`) pinned to the server core. `dataDir` may hold
 * fixtures built beforehand; it is removed on stop only when this call created it. `root` runs the
 * server of another checkout (to compare a change with the code before it).
 */
export async function startAccord(
  options: { dataDir?: string; env?: Record<string, string>; nodeArgs?: string[]; root?: string; port?: number } = {},
): Promise<ServerUnderTest> {
  const dataDir = options.dataDir ?? makeDataDir();
  // A cluster node needs its port before it starts (its INTERNAL_URL names it).
  const port = options.port ?? (await freePort());
  const child = spawnPinned(
    ['--expose-gc', ...(options.nodeArgs ?? []), '--import', 'tsx', '--import', HOOKS, 'server/main.ts'],
    {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      MAX_CONNECTIONS_PER_ADDRESS: '10000',
      MAX_PARTICIPANTS_PER_BOARD: '2000',
      ...options.env,
    },
    options.root ?? ROOT,
  );
  await waitForLine(child, /running at (http:\/\/[^\s]+)/, 30_000);
  const httpUrl = `http://127.0.0.1:${port}`;
  return wrap('accord', child, httpUrl, `ws://127.0.0.1:${port}/ws`, dataDir, options.dataDir === undefined);
}

/** Starts the plain @y/websocket-server 0.1.1 (no persistence, permessage-deflate off by default in its ws 6). */
export async function startReference(options: { nodeArgs?: string[] } = {}): Promise<ServerUnderTest> {
  const port = await freePort();
  const child = spawnPinned(['--expose-gc', ...(options.nodeArgs ?? []), '--import', HOOKS, REFERENCE_ENTRY], {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  await waitForLine(child, /running at/, 30_000);
  return wrap('reference', child, `http://127.0.0.1:${port}`, `ws://127.0.0.1:${port}`, null, false);
}
