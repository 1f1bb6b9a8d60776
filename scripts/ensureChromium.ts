import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The monitoring tab's browser test drives Debian's Chromium with playwright-core. `npm test` runs
 * this first: on a fresh Debian machine (or CI) it installs the package; where it cannot, it says
 * exactly what to install instead of letting the test fail later with a puzzling launch error.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  if (existsSync(CHROMIUM_PATH)) process.exit(0);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`The browser test needs Chromium at ${CHROMIUM_PATH}. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log("Installing Debian's Chromium for the monitoring tab's browser test (once per machine) ...");
  const installed = run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']) || (run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']));
  if (!installed || !existsSync(CHROMIUM_PATH)) {
    console.error('Chromium could not be installed with apt-get; see the messages above.');
    process.exit(1);
  }
}
