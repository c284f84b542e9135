// Bundles the server into dist/server/ (main.mjs and the import worker's importWorker.mjs), so that
// a node starts in well under a second: no TypeScript compiling at start-up, which matters when a
// rolling deploy restarts nodes while the others take over their boards. Packages stay external
// (node_modules is read at run time). Usable as a script and as a module (tests build before use).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bundle goes; `npm start` runs dist/server/main.mjs. */
export const SERVER_OUT_DIR = path.join(ROOT, 'dist', 'server');
export const SERVER_ENTRY = path.join(SERVER_OUT_DIR, 'main.mjs');

/** Writes the bundle; resolves when it is on disk. */
export async function buildServer() {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'server/main.ts', importWorker: 'server/http/importWorker.ts' },
    outdir: SERVER_OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
