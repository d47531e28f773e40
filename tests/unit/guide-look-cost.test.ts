import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catchShadowRoots } from './closed-roots';
import { HIGHLIGHT_ATTRIBUTE } from '@/entrypoints/aruba-guide/guide';
import { readAccountName } from '@/utils/page/read-mailbox';
import { endGuide, startGuide } from './guide-in-page';

/*
 * Issue 17: while the guide is on, a busy inbox changes all day and the guide looks only where it
 * changed. Those looks must not cost what a look at the whole page costs: no native query of the
 * whole document (on a 5,000-message inbox it visits every message), and the page's mailbox (read
 * by walking every element of the app's chrome) read at the whole looks, not at each small one.
 */

const ROWS = 300;
/** The old WebMail: the top bar naming the mailbox, the inbox a data list, a footer far from the top bar. */
const PAGE = `<header><nav id="nav"><a id="settings" href="/settings">Impostazioni</a></nav><span>mario.rossi@pec.it</span></header>
  <main><h1>Posta in arrivo</h1><div role="list" aria-label="Messaggi">${'<div class="msg">Fattura</div>'.repeat(ROWS)}</div></main>
  <footer><p id="far">Aruba PEC S.p.A.</p></footer>`;

const settle = (ms = 0) => new Promise((done) => setTimeout(done, ms));

beforeEach(() => {
  document.body.innerHTML = PAGE;
  catchShadowRoots();
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(10, 10, 100, 20));
  document.elementFromPoint = () => document.getElementById('settings');
});

afterEach(() => {
  vi.restoreAllMocks();
  endGuide();
});

/** The target leaves the top bar and comes back, as the bench's inbox makes it do 20 times. */
async function targetComesAndGoes(times: number): Promise<void> {
  for (let round = 0; round < times; round++) {
    document.getElementById('settings')!.remove();
    await settle();
    const link = document.createElement('a');
    link.id = 'settings';
    link.href = '/settings';
    link.textContent = 'Impostazioni';
    document.getElementById('nav')!.append(link);
    await settle();
    expect(link.getAttribute(HIGHLIGHT_ATTRIBUTE)).toBe('webmail-settings');
  }
}

/** The native queries of the document made by our code (happy-dom's computed styles make their own). */
function watchNativeQueries(document: Document): () => string[] {
  const calls: string[] = [];
  for (const method of ['querySelector', 'querySelectorAll'] as const) {
    const native = document[method].bind(document) as (selector: string) => never;
    vi.spyOn(document, method).mockImplementation((selector: string) => {
      const caller = new Error().stack?.split('\n')[3] ?? '';
      if (!caller.includes('happy-dom')) calls.push(`${method}(${selector})`);
      return native(selector);
    });
  }
  return () => calls;
}

/** How many times anything went from the node to its first child or its next sibling: a walk through it. */
function countSteps(node: Node, property: 'firstChild' | 'nextSibling'): () => number {
  let reads = 0;
  const native = Object.getOwnPropertyDescriptor(Node.prototype, property)!.get!;
  Object.defineProperty(node, property, {
    configurable: true,
    get(this: Node) {
      reads++;
      return native.call(this) as ChildNode | null;
    },
  });
  return () => reads;
}

describe('what reading the page costs', () => {
  it('reads the page’s mailbox without going through the messages of the inbox', () => {
    const message = document.querySelector('.msg:nth-child(100)')!;
    const steps = countSteps(message, 'nextSibling');
    expect(readAccountName(document)).toBe('mario.rossi@pec.it');
    expect(steps()).toBe(0);
  });
});

describe('what a look where the page changed costs', () => {
  it('never queries the whole document natively', async () => {
    await startGuide();
    const ours = watchNativeQueries(document);
    await targetComesAndGoes(10);
    expect(ours()).toEqual([]);
  });

  it('reads the page’s mailbox at the looks at the whole page, not at each look where the target came or went', async () => {
    await startGuide();
    const reads = countSteps(document.getElementById('far')!, 'firstChild');
    await targetComesAndGoes(10);
    expect(reads()).toBe(0);
  });
});
