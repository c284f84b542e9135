import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Bundles the server (scripts/build-server.mjs, well under a second) for the tests that start it as a process. */
export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/build-server.mjs')], { stdio: 'inherit' });
}
