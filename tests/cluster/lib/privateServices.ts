import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, sleep } from '../../server/childServer';
import { probePostgres, probeRedis } from './services';

/**
 * A PostgreSQL and a Redis of the test's own, on free ports in a temp folder, so that a scenario can
 * restart them without disturbing anyone else using the machine's shared services.
 */

function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

function whichSync(command: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Runs a PostgreSQL binary, as the `postgres` user when we are root (PostgreSQL refuses to run as
 * root). Asynchronous: the test's clients must go on reading while PostgreSQL stops and starts.
 */
function pgCommand(bin: string, args: readonly string[], asPostgres: boolean): Promise<void> {
  const command = asPostgres ? 'runuser' : bin;
  const full = asPostgres ? ['-u', 'postgres', '--', bin, ...args] : [...args];
  return new Promise((resolve, reject) =>
    execFile(command, full, { timeout: 60_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`${path.basename(bin)}: ${stderr.trim() || error.message}`)) : resolve(),
    ),
  );
}

export class PrivatePostgres {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
    private readonly asPostgres: boolean,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Starts one, or returns why it cannot (not root and not able to run initdb, binaries missing). */
  static async start(): Promise<PrivatePostgres | string> {
    const bin = findPostgresBin();
    if (!bin) return 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin';
    const isRoot = process.getuid?.() === 0;
    let postgresUid: number | null = null;
    if (isRoot) {
      try {
        postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      } catch {
        return 'running as root and there is no "postgres" user to run a private PostgreSQL as';
      }
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'accord-pg-'));
    const port = await freePort();
    const instance = new PrivatePostgres(bin, dir, port, isRoot);
    try {
      if (postgresUid !== null) chownSync(dir, postgresUid, postgresUid);
      await pgCommand(
        path.join(bin, 'initdb'),
        ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync'],
        isRoot,
      );
      await instance.startServer();
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      return `could not start a private PostgreSQL: ${(error as Error).message.split('\n')[0]}`;
    }
    return instance;
  }

  async startServer(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    await pgCommand(
      path.join(this.bin, 'pg_ctl'),
      ['-D', path.join(this.dir, 'data'), '-o', options, '-l', path.join(this.dir, 'log'), '-w', '-t', '30', 'start'],
      this.asPostgres,
    );
    const reason = await probePostgres(this.url);
    if (reason) throw new Error(reason);
  }

  /** Fast shutdown (open sessions are cut, as in a failover or a restart for an upgrade). */
  async stopServer(): Promise<void> {
    await pgCommand(
      path.join(this.bin, 'pg_ctl'),
      ['-D', path.join(this.dir, 'data'), '-m', 'fast', '-w', '-t', '30', 'stop'],
      this.asPostgres,
    );
  }

  async stop(): Promise<void> {
    try {
      await this.stopServer();
    } catch {
      // Already stopped.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class PrivateRedis {
  private child: ChildProcess | null = null;
  private constructor(
    private readonly bin: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateRedis | string> {
    const bin = whichSync('redis-server');
    if (!bin) return 'no redis-server binary on PATH';
    const instance = new PrivateRedis(bin, await freePort());
    try {
      await instance.startServer();
    } catch (error) {
      await instance.stop();
      return `could not start a private Redis: ${(error as Error).message}`;
    }
    return instance;
  }

  async startServer(): Promise<void> {
    this.child = spawn(this.bin, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      if ((await probeRedis(this.url)) === null) return;
      await sleep(50);
    }
    throw new Error('redis-server did not answer PING within 5 s');
  }

  async stopServer(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async stop(): Promise<void> {
    await this.stopServer();
  }
}
