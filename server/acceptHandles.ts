import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { log } from './log';

/**
 * Listening handles per server, all on the one listening socket. Node 20's libuv (1.45 and later,
 * libuv PR #3696) accepts at most one connection per listening handle per turn of the event loop.
 * A node busy with hundreds of sockets turns its loop every 20–100 ms, so a crowd that comes back
 * at once (the people of the boards a draining node handed over, and the pipes of other nodes to
 * their new owner) waits in the kernel's accept queue one connection a turn: a hundred
 * reconnections took seconds. With this many handles a turn accepts this many. Env ACCEPT_HANDLES;
 * 1 turns the copies off. Each copy is a descriptor (a dup of the socket's), nothing more.
 */
export const ACCEPT_HANDLES = 8;

/** How long the copies may take at start before the server goes on without them. */
export const ACCEPT_HANDLES_TIMEOUT_MS = 5_000;

/**
 * The helper process: it returns every handle it is sent (the descriptor passing of IPC gives the
 * parent a new descriptor of the same socket), closes its own copy, and leaves after the last. It
 * never listens, so it never accepts a connection.
 */
const HELPER = `process.on('message', (m, h) => process.send(m, h, () => { h.close(); if (m.last) process.disconnect(); }));`;

/** The server's listening handle (`_handle`: what Node's own cluster module sends to its workers). */
function listeningHandle(server: Server): object | null {
  const handle = (server as unknown as { _handle?: object | null })._handle;
  return handle ?? null;
}

/**
 * Adds `count - 1` listening handles to `server` (already listening), each a copy of its socket's
 * descriptor, whose connections go to `server` as if it had accepted them (its 'connection'
 * listeners, an HTTP server's included). Returns a function that closes the copies; call it with
 * `server.close()`. On any failure the server goes on with the handles it has: it only accepts slower.
 */
export async function addAcceptHandles(server: Server, count: number = ACCEPT_HANDLES): Promise<() => void> {
  const copies: Server[] = [];
  const closeCopies = () => {
    for (const copy of copies.splice(0)) copy.close();
  };
  const handle = listeningHandle(server);
  if (count <= 1 || handle === null) return closeCopies;
  // Node with no options of ours (no NODE_OPTIONS, no --cpu-prof inherited): it only passes handles back.
  const helper = spawn(process.execPath, ['-e', HELPER], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: {} });
  const helperGone = new Promise<void>((resolve) => {
    helper.once('exit', () => resolve());
    helper.once('error', () => resolve());
  });
  /** Waits for the helper to leave (it leaves after the last copy), ending it when it does not. */
  const helperEnded = async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ACCEPT_HANDLES_TIMEOUT_MS);
    });
    if ((await Promise.race([helperGone, late])) === 'late') helper.kill('SIGKILL');
    clearTimeout(timer);
    await helperGone;
  };
  const wanted = count - 1;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out')), ACCEPT_HANDLES_TIMEOUT_MS);
      helper.once('error', reject);
      helper.once('exit', () => reject(new Error('helper exited before passing every copy')));
      helper.on('message', (_message, copy) => {
        if (!copy || server.listening === false) return;
        // The same options as an HTTP server's own sockets (half-open allowed, no Nagle).
        const extra = createServer({ allowHalfOpen: true, noDelay: true }, (socket) => server.emit('connection', socket));
        extra.on('error', (error) => log('warn', 'server.accept_handle_error', { message: error.message }));
        extra.listen(copy);
        copies.push(extra);
        if (copies.length === wanted) {
          clearTimeout(timer);
          resolve();
        }
      });
      const sendNext = (i: number) => {
        if (i > wanted) return;
        helper.send({ last: i === wanted }, handle as never, { keepOpen: true }, (error) => {
          if (error) reject(error);
          else sendNext(i + 1);
        });
      };
      sendNext(1);
    });
  } catch (error) {
    log('warn', 'server.accept_handles_failed', { message: (error as Error).message, handles: copies.length + 1 });
    helper.kill('SIGKILL');
  }
  // The helper held copies of the socket too: once it is gone, closing the server's handles closes the socket.
  await helperEnded();
  return closeCopies;
}
