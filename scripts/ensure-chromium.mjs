// Makes sure Debian's Chromium is present for the end-to-end tests: installs it when missing and
// running as root (CI, fresh machines), otherwise stops at once with the command that installs it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Chromium is missing at ${CHROMIUM}. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n`,
  );
  process.exit(1);
}
console.log("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…");
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
} catch {
  console.error('Installing Chromium failed. Run: apt-get update && apt-get install -y chromium');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium was installed but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
