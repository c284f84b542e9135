import { parentPort } from 'node:worker_threads';
import { refusalOf } from '../../shared/domain/refusals';
import { buildImportedBoard } from '../boardImport';

/** One import to build: the body's bytes (transferred), the new board's id and creation time. */
export interface ImportJob {
  readonly id: number;
  readonly body: Uint8Array;
  readonly boardId: string;
  readonly now: number;
}

/** Worker thread: builds imported boards one after the other, off the server's event loop. */
parentPort?.on('message', (job: ImportJob) => {
  let built: ReturnType<typeof buildImportedBoard>;
  try {
    built = buildImportedBoard(job.body, job.boardId, job.now);
  } catch {
    // A domain function threw on input the validators let through: refuse it, keep the worker.
    built = { refusal: refusalOf('invalid_request', 'importFailed') };
  }
  if ('update' in built) parentPort?.postMessage({ id: job.id, ...built }, [built.update.buffer as ArrayBuffer]);
  else parentPort?.postMessage({ id: job.id, ...built });
});
