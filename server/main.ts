import { startServer } from './AccordServer';
import { configFromEnv } from './config';
import { log } from './log';

const config = configFromEnv();
const running = await startServer(config);
process.stdout.write(`Accord is running at ${config.publicUrl ?? running.url} (data in ${config.dataDir})\n`);

let isStopping = false;
function stop(signal: string) {
  if (isStopping) return;
  isStopping = true;
  log('info', 'server.stopping', { signal });
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('uncaughtException', (error) => {
  // Input never reaches here (every decode is guarded); log and keep serving the other rooms.
  log('error', 'process.uncaught', { message: error.message });
});
