import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PAGES_DIR = join(import.meta.dirname, '../fixtures/pages');

/** A stylesheet or script of the replica pages, linked by its bare file name. */
const SHARED_STYLESHEET = /<link rel="stylesheet" href="([\w-]+\.css)">/g;
const SHARED_SCRIPT = /<script src="([\w-]+\.js)"><\/script>/g;

const readShared = (name: string) => readFileSync(join(PAGES_DIR, name), 'utf8');

/**
 * A replica page as it is served: the shared stylesheet and scripts it links (aruba.css,
 * aru-components.js) put inline, so the page asks for nothing (the routing answers only Aruba's
 * page URLs; happy-dom would go to the network). Opened from disk, the same file finds them beside
 * it. `look: false` leaves the stylesheet out: it hides nothing (tests/unit/replica-pages.test.ts),
 * and happy-dom's style engine would make every look at a page several times slower.
 */
export function readReplicaPage(file: string, { look = true } = {}): string {
  return readShared(file)
    .replace(SHARED_STYLESHEET, (_, name: string) => (look ? `<style>\n${readShared(name)}</style>` : ''))
    .replace(SHARED_SCRIPT, (_, name: string) => `<script>\n${readShared(name)}</script>`);
}
