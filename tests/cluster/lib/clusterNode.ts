import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { SERVER_ARGS } from '../../serverProcess';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** How long a node may take to print that it listens (a loaded machine, a slow PostgreSQL). */
const START_TIMEOUT_MS = 30_000;

/** How a node process ended. */
export interface NodeExit {
  readonly nodeId: string;
  readonly at: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the test asked for it (kill, SIGTERM, stop at the end). */
  readonly isExpected: boolean;
}

/** One line a node wrote on stderr, with when the test received it. */
export interface LogLine {
  readonly nodeId: string;
  readonly at: number;
  readonly text: string;
}

/**
 * One server child process of the cluster (as `npm start` runs it). It keeps its port and NODE_ID across
 * restarts, keeps every stderr line it ever wrote (the anonymity audit reads them), and records
 * every exit, so that a test can tell an exit it caused from one it did not.
 */
export class ClusterNode {
  private child: ChildProcess | null = null;
  private isExitExpected = false;
  readonly exits: NodeExit[] = [];
  readonly starts: number[] = [];

  constructor(
    readonly nodeId: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly log: LogLine[],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isRunning(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves when it prints that it listens. */
  async start(): Promise<void> {
    if (this.isRunning) throw new Error(`${this.nodeId} is already running`);
    this.isExitExpected = false;
    // For finding where a node's time goes: CLUSTER_TEST_CPU_PROF_DIR=/tmp/x writes a CPU profile per node process.
    const profDir = process.env.CLUSTER_TEST_CPU_PROF_DIR;
    const profile = profDir
      ? // A directory per process: every thread writes its own profile.
        ['--cpu-prof', '--cpu-prof-dir', path.join(profDir, `${this.nodeId}-${Date.now()}`)]
      : [];
    const child = spawn(process.execPath, [...profile, ...SERVER_ARGS], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', NODE_ID: this.nodeId },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let pendingLine = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = pendingLine + chunk.toString();
      const lines = text.split('\n');
      pendingLine = lines.pop() ?? '';
      const at = performance.now();
      for (const line of lines) if (line.length > 0) this.log.push({ nodeId: this.nodeId, at, text: line });
    });
    child.once('exit', (code, signal) => {
      if (pendingLine) this.log.push({ nodeId: this.nodeId, at: performance.now(), text: pendingLine });
      this.exits.push({ nodeId: this.nodeId, at: performance.now(), code, signal, isExpected: this.isExitExpected });
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`${this.nodeId} did not start in ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Accord is running')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const tail = this.log
          .filter((l) => l.nodeId === this.nodeId)
          .slice(-5)
          .map((l) => l.text)
          .join('\n');
        reject(new Error(`${this.nodeId} exited while starting (${code ?? signal})\n${tail}`));
      });
    });
    this.starts.push(performance.now());
  }

  /** SIGKILL: no shutdown code runs, as in a crash. Resolves when the process is gone. */
  kill(): Promise<void> {
    return this.signalAndWait('SIGKILL', 10_000);
  }

  /**
   * SIGTERM, then waits (at most `timeoutMs`) for the drain to end; SIGKILL after that. Resolves with
   * the exit (code 0 is a clean drain).
   */
  async terminate(timeoutMs: number): Promise<NodeExit | undefined> {
    await this.signalAndWait('SIGTERM', timeoutMs);
    return this.exits.at(-1);
  }

  /** SIGSTOP: the process freezes with every socket open, as in a long GC pause or a stalled VM. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT after pause(). */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  private async signalAndWait(signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
    const child = this.child;
    if (!child || !this.isRunning) return;
    this.isExitExpected = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGCONT');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** Unexpected exits so far. */
  get crashes(): NodeExit[] {
    return this.exits.filter((e) => !e.isExpected);
  }
}
