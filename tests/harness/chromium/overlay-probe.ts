import type { Page } from '@playwright/test';
import { OVERLAY_TAG } from '../../../utils/page/walk';

/**
 * Reads the guide's overlay, whose shadow root is closed (a page's scripts must not read the days
 * left nor press «Non ora»), the way only the browser's own tools can: over the DevTools protocol,
 * which describes closed shadow roots too. Presses its buttons with the real mouse and keyboard,
 * so that they get the trusted events a person's click gives. Chromium only.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PartSnapshot {
  text: string;
  buttons: { name: string; x: number; y: number }[];
}

export interface OverlaySnapshot {
  card: PartSnapshot | null;
  chip: PartSnapshot | null;
  ring: Box | null;
}

export type OverlayPart = 'card' | 'chip';

/**
 * Runs in the page, `this` being the overlay's closed shadow root. Written as text: a compiled
 * function may call helpers of the compiler (tsx names functions with one) that the page lacks.
 */
const SNAPSHOT = `function () {
  const shown = (element) => element !== null && element.isConnected && getComputedStyle(element).visibility !== 'hidden' && element.getClientRects().length > 0;
  const part = (element) => shown(element)
    ? {
        text: element.innerText.replace(/\\s+/g, ' ').trim(),
        buttons: [...element.querySelectorAll('button')].map((button) => {
          const box = button.getBoundingClientRect();
          return { name: (button.getAttribute('aria-label') ?? button.textContent ?? '').trim(), x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }),
      }
    : null;
  const ring = this.querySelector('.ring');
  const box = ring && shown(ring) && !ring.hidden ? ring.getBoundingClientRect() : null;
  return {
    card: part(this.querySelector('.card')),
    chip: part(this.querySelector('.chip')),
    ring: box && { x: box.x, y: box.y, width: box.width, height: box.height },
  };
}`;

interface DescribedNode {
  shadowRoots?: { backendNodeId: number; shadowRootType?: string }[];
}

/** The closed shadow root of the overlay as a remote object, or null when there is no overlay. */
async function withOverlayRoot<T>(
  page: Page,
  use: (send: (method: string, params?: object) => Promise<unknown>, rootId: string) => Promise<T>,
): Promise<T | null> {
  const session = await page.context().newCDPSession(page);
  const send = (method: string, params?: object) => session.send(method as never, params as never) as Promise<unknown>;
  try {
    const host = (await send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(OVERLAY_TAG)})` })) as {
      result: { objectId?: string };
    };
    if (!host.result.objectId) return null;
    const { node } = (await send('DOM.describeNode', { objectId: host.result.objectId, depth: 1, pierce: true })) as { node: DescribedNode };
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = (await send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    return await use(send, object.objectId);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** What the overlay shows now: the card, the chip and the ring, each null when not shown. */
export async function readOverlay(page: Page): Promise<OverlaySnapshot> {
  const read = await withOverlayRoot(page, async (send, rootId) => {
    const { result } = (await send('Runtime.callFunctionOn', { objectId: rootId, functionDeclaration: SNAPSHOT, returnByValue: true })) as {
      result: { value: OverlaySnapshot };
    };
    return result.value;
  });
  return read ?? { card: null, chip: null, ring: null };
}

/** The card's text ('' when no card is shown): use with `expect.poll`. */
export async function cardText(page: Page): Promise<string> {
  return (await readOverlay(page)).card?.text ?? '';
}

/** The chip's text ('' when no chip is shown): use with `expect.poll`. */
export async function chipText(page: Page): Promise<string> {
  return (await readOverlay(page)).chip?.text ?? '';
}

/** Retries `attempt` until it gives a value, as Playwright's own actions wait for their element. */
async function waitFor<T>(what: string, attempt: () => Promise<T | null | undefined>, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await attempt();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not found within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Clicks a button of the overlay with the mouse, as a person does. */
export async function pressInOverlay(page: Page, part: OverlayPart, name: string): Promise<void> {
  const { x, y } = await waitFor(`button «${name}» in the overlay's ${part}`, async () =>
    (await readOverlay(page))[part]?.buttons.find((candidate) => candidate.name === name),
  );
  await page.mouse.click(x, y);
}

/** Moves the keyboard focus to a button of the overlay, for a test of what the keyboard does there. */
export async function focusInOverlay(page: Page, part: OverlayPart, name: string): Promise<void> {
  await waitFor(`button «${name}» in the overlay's ${part}`, () =>
    withOverlayRoot(page, async (send, rootId) => {
      const { result } = (await send('Runtime.callFunctionOn', {
        objectId: rootId,
        functionDeclaration: `function (part, name) {
          const button = [...this.querySelectorAll('.' + part + ' button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);
          button?.focus();
          return button ? true : null;
        }`,
        arguments: [{ value: part }, { value: name }],
        returnByValue: true,
      })) as { result: { value: true | null } };
      return result.value;
    }),
  );
}
