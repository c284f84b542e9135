import { type RunningServer, startServer } from './AccordServer';
import { configFromEnv, type ServerConfig } from './config';
import { logEventLoopLag } from './eventLoopLag';
import { log } from './log';
import { listenProblem, networkAddresses, startedLines } from './startupMessages';
import { storeFromConfig } from './store/storeFromConfig';

/** Prints why Accord cannot start, in a sentence, and exits with status 1. */
function refuseToStart(message: string): never {
  process.stderr.write(`Accord cannot start: ${message}\n`);
  process.exit(1);
}

let config: ServerConfig;
try {
  config = configFromEnv();
} catch (error) {
  refuseToStart((error as Error).message);
}

let running: RunningServer;
try {
  // The database URL is never printed: it may hold a password.
  const store = await storeFromConfig(config).catch((error: Error) => {
    throw new Error(`the database could not be opened (${error.message}).`);
  });
  running = await startServer(config, store);
} catch (error) {
  refuseToStart(listenProblem(error, config.host, config.port) ?? (error as Error).message);
}
const where = config.cluster
  ? `node ${running.nodeId}, boards in PostgreSQL schema ${config.databaseSchema}`
  : `data in ${config.dataDir}`;
const lines = startedLines({
  url: running.url,
  where,
  host: config.host,
  port: running.port,
  publicUrl: config.publicUrl,
  addresses: networkAddresses(),
});
process.stdout.write(`${lines.join('\n')}\n`);
logEventLoopLag();

let isStopping = false;
function stop(signal: string) {
  if (isStopping) return;
  isStopping = true;
  log('info', 'server.stopping', { signal });
  // Drain: every room commits and answers what it queued and hands its board over before the exit.
  running.drain().then(
    () => process.exit(0),
    (error: Error) => {
      log('error', 'server.stop_failed', { message: error.message });
      process.exit(1);
    },
  );
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('uncaughtException', (error) => {
  // Input never reaches here (every decode is guarded); log and keep serving the other rooms.
  log('error', 'process.uncaught', { message: error.message });
});
