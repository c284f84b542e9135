// Starts a worker thread written in TypeScript: registers tsx's loader in this thread (loaders
// registered in the main thread do not reach workers in Node 20), then imports the worker module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
