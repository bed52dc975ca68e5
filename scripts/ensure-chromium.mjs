// Debian's Chromium, which the browser suites drive (never a downloaded one):
// installed here when missing and this user may (root, or passwordless sudo);
// otherwise npm test stops at once with the one command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  if (!root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) {
    console.error(
      `${CHROMIUM} is missing and this user cannot install it. Run:\n\n  ${COMMAND}\n\nthen npm test again.`,
    );
    process.exit(1);
  }
  console.log(`${CHROMIUM} is missing: installing Debian's chromium…`);
  const apt = (...args) =>
    execFileSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt('update', '-qq');
    apt('install', '-y', '-qq', 'chromium');
  } catch {
    console.error(`Installing chromium failed (see above). Run:\n\n  ${COMMAND}\n\nthen npm test again.`);
    process.exit(1);
  }
}
