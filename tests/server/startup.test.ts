import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listenProblem, startedLines } from '../../server/startupMessages';
import { exportBoardJson } from '../../shared/exports/boardExport';
import { NETWORK_START_COMMAND } from '../../shared/localAddress';
import { SERVER_ARGS } from '../serverProcess';
import { GOLDEN_EXPORTED_AT, goldenBoard } from '../shared/goldenBoard';
import { freePort, kill, spawnServer } from './childServer';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

const dirs: string[] = [];
const groups: number[] = [];
afterEach(async () => {
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone: the test stopped it.
    }
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Runs a command until it exits; its output and exit code. */
function run(command: string, args: string[], env: Record<string, string>) {
  // Its own process group, so that a test that fails can still end whatever it left running.
  const child = spawn(command, args, { cwd: ROOT, detached: true, env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
  groups.push(child.pid as number);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out, errors: () => err };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('start-up messages', () => {
  const base = { url: 'http://127.0.0.1:8787', where: 'data in ./data', port: 8787, addresses: ['192.168.1.20'] };

  it.each([
    ['127.0.0.1', null, true, false],
    ['localhost', null, true, false],
    ['::1', null, true, false],
    ['0.0.0.0', null, false, true],
    ['127.0.0.1', 'https://accord.example.org', false, false],
    ['0.0.0.0', 'http://192.168.1.20:8787', false, false],
  ])('HOST=%s PUBLIC_URL=%s: warns %s, lists network links %s', (host, publicUrl, isWarned, isListed) => {
    const text = startedLines({ ...base, host, publicUrl }).join('\n');
    expect(text).toContain(`Accord is running at ${publicUrl ?? base.url}`);
    expect(text.includes('phones and other computers cannot reach')).toBe(isWarned);
    expect(text.includes(NETWORK_START_COMMAND)).toBe(isWarned);
    expect(text.includes('http://192.168.1.20:8787\n') || text.endsWith('  http://192.168.1.20:8787')).toBe(isListed);
  });

  it('names the port in use in a sentence, and leaves other errors alone', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    expect(listenProblem(inUse, '127.0.0.1', 8787)).toMatch(
      /^port 8787 on 127\.0\.0\.1 is already in use.*PORT=8788 npm start\.$/,
    );
    expect(listenProblem(new Error('disk full'), '127.0.0.1', 8787)).toBeNull();
  });
});

describe('npm start', () => {
  it('runs the server as the script process itself, so that a signal to npm reaches it', () => {
    // `sh -c "a && node …"` keeps sh between npm and node; sh does not pass SIGTERM on.
    expect(scripts.serve).toMatch(/^exec node /);
    expect(scripts.start).toBe(`npm run build && ${scripts.serve}`);
  });

  it('stops the server and frees the port when npm gets SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-start-'));
    dirs.push(dataDir);
    const port = await freePort();
    const npm = run('npm', ['run', '--silent', 'serve'], { PORT: String(port), DATA_DIR: dataDir });
    await expect.poll(npm.output, { timeout: 20_000 }).toContain('Accord is running');
    expect(npm.output()).toContain(`start it with: ${NETWORK_START_COMMAND}`);
    expect(await isListening(port)).toBe(true);
    npm.child.kill('SIGTERM');
    await npm.exited;
    await expect.poll(() => isListening(port), { timeout: 10_000 }).toBe(false);
  });

  it('runs the bundle it builds, import worker included (dist/server: main.mjs, importWorker.mjs)', async () => {
    expect(scripts.build).toContain('node scripts/build-server.mjs');
    expect(scripts.serve).toContain('dist/server/main.mjs');
    const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-start-'));
    dirs.push(dataDir);
    const port = await freePort();
    const server = await spawnServer(port, dataDir);
    try {
      // An import is built in a worker thread: from the bundle, its own module beside main.mjs.
      const body = exportBoardJson(goldenBoard().state.board, GOLDEN_EXPORTED_AT);
      const res = await fetch(`http://127.0.0.1:${port}/api/boards/import`, { method: 'POST', body });
      expect(res.status).toBe(201);
      expect(((await res.json()) as { boardId?: string }).boardId).toMatch(/^[A-Za-z0-9_-]+$/);
    } finally {
      await kill(server);
    }
  });

  it('says in a sentence that the port is taken, without a stack trace', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-start-'));
    dirs.push(dataDir);
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const server = run(process.execPath, [...SERVER_ARGS], { PORT: String(port), DATA_DIR: dataDir });
      expect(await server.exited).toBe(1);
      expect(server.errors()).toBe(
        `Accord cannot start: port ${port} on 127.0.0.1 is already in use: another Accord (or another program) is still running there. Stop it, or start Accord on another port, e.g. PORT=${port + 1} npm start.\n`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
