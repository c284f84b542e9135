import { Worker } from 'node:worker_threads';
import type { ImportBuild } from '../boardImport';
import { log } from '../log';
import { IMPORT_TIMEOUT_MS, IMPORT_WORKER_HEAP_MIB, IMPORT_WORKER_IDLE_MS, MAX_PENDING_IMPORTS } from './apiLimits';
import type { ImportJob } from './importWorker';

/**
 * The worker's module and how to start it. Run from source (tsx), a small entry registers tsx's
 * loader in the worker first; run from the bundle (scripts/build-server.mjs puts importWorker.mjs
 * beside main.mjs), the bundled module is started directly.
 */
const IS_BUNDLED = !import.meta.url.endsWith('.ts');
const WORKER_ENTRY = IS_BUNDLED ? new URL('./importWorker.mjs', import.meta.url) : new URL('./workerEntry.mjs', import.meta.url);
const WORKER_MODULE = new URL('./importWorker.ts', import.meta.url).href;

/** Why an import was not built: too many waiting, too slow, or the worker died (out of memory). */
export type ImportFailure = 'busy' | 'timeout' | 'failed';

interface Pending {
  readonly resolve: (outcome: ImportBuild | ImportFailure) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Builds imported boards in one worker thread (server/http/importWorker.ts), one at a time, so
 * that parsing and building a large board never holds up the event loop that serves every other
 * board. At most MAX_PENDING_IMPORTS wait; the worker's heap is capped; it starts on the first
 * import and stops after IMPORT_WORKER_IDLE_MS without one.
 */
export class ImportRunner {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private isClosed = false;

  /** True when another import would be refused at once. */
  get isBusy(): boolean {
    return this.pending.size >= MAX_PENDING_IMPORTS;
  }

  /** Builds one import; the body's buffer is handed over to the worker (unusable here afterwards). */
  build(body: Uint8Array, boardId: string, now: number): Promise<ImportBuild | ImportFailure> {
    if (this.isBusy || this.isClosed) return Promise.resolve('busy');
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        log('warn', 'import.timeout', { pending: this.pending.size });
        this.stopWorker('timeout');
      }, IMPORT_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      const job: ImportJob = { id, body, boardId, now };
      worker.postMessage(job, [body.buffer as ArrayBuffer]);
    });
  }

  /** Stops the worker; imports still waiting are answered `busy`. */
  async close(): Promise<void> {
    this.isClosed = true;
    await this.stopWorker('busy');
  }

  private ensureWorker(): Worker {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_ENTRY, {
      workerData: { entry: WORKER_MODULE },
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_WORKER_HEAP_MIB },
    });
    worker.on('message', (message: { id: number } & ImportBuild) => {
      const { id, ...built } = message;
      this.settle(id, built as ImportBuild);
      if (this.pending.size === 0 && this.worker === worker) this.scheduleIdleStop();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      log('error', 'import.worker_failed', { code: error.code ?? null });
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const id of [...this.pending.keys()]) this.settle(id, 'failed');
    });
    this.worker = worker;
    return worker;
  }

  private settle(id: number, outcome: ImportBuild | ImportFailure): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }

  private scheduleIdleStop(): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size === 0) void this.stopWorker('busy');
    }, IMPORT_WORKER_IDLE_MS);
    this.idleTimer.unref();
  }

  private async stopWorker(outcome: ImportFailure): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    for (const id of [...this.pending.keys()]) this.settle(id, outcome);
    if (worker) await worker.terminate();
  }
}
