// Where Debian's Chromium is and the flags it needs on a closed network; shared by the e2e
// tests, the demo, the benchmark and the icon renderer.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Nothing may reach the network: a request that escapes the tests' routing (a tab the
  // extension opens before the route is attached) fails here instead of going out.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Returns a message naming the install command when Chromium is missing, else null. */
export function missingChromiumMessage(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return (
    `Chromium not found at ${CHROMIUM_PATH}.\n` +
    "Install Debian's Chromium with:  apt-get update && apt-get install -y chromium\n" +
    'or point CHROMIUM_PATH at another Chromium build.'
  );
}
