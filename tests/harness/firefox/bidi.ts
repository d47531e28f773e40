import type { Browser, Page } from 'puppeteer-core';

/**
 * The few WebDriver BiDi commands Puppeteer does not offer, sent on Puppeteer's own session:
 * interception for every tab at once (a tab the page or the extension opens is covered before
 * its first request), navigation to moz-extension:// pages (Puppeteer's goto waits for events
 * Firefox does not send there), and reading inside a shadow root whatever its mode (BiDi
 * serializes an element's shadow root, open or closed). Puppeteer's connection and a frame's
 * context id are internal: this module is the one place that reaches them.
 */

type RemoteValue = { type: string; value?: unknown; sharedId?: string };
interface EvaluateResult {
  type: 'success' | 'exception';
  result: RemoteValue;
}
export interface BeforeRequestSent {
  isBlocked: boolean;
  request: { request: string; url: string };
}
interface Connection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: 'network.beforeRequestSent', handler: (params: BeforeRequestSent) => void): void;
}

function connectionOf(browser: Browser): Connection {
  const connection = (browser as unknown as { connection?: Connection }).connection;
  if (!connection?.send) throw new Error('Puppeteer no longer exposes its WebDriver BiDi connection: see tests/harness/firefox/bidi.ts.');
  return connection;
}

function contextOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!id) throw new Error("Puppeteer no longer exposes a frame's browsing context id: see tests/harness/firefox/bidi.ts.");
  return id;
}

/** Holds every http(s) request of every tab, present and future, for `handler` to answer. */
export async function interceptEveryRequest(
  browser: Browser,
  handler: (event: BeforeRequestSent, answers: RequestAnswers) => Promise<void>,
): Promise<void> {
  const connection = connectionOf(browser);
  const answers = requestAnswers(connection);
  connection.on('network.beforeRequestSent', (event) => {
    if (!event.isBlocked) return;
    // A tab closed while its request was being answered has nothing left to answer; any other
    // failure is thrown again, for the test run to report.
    handler(event, answers).catch((error: unknown) => {
      if (!/no such (request|frame)/i.test(String(error))) throw error;
    });
  });
  await connection.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [
      { type: 'pattern', protocol: 'https' },
      { type: 'pattern', protocol: 'http' },
    ],
  });
}

export interface RequestAnswers {
  fulfill(requestId: string, response: { status: number; contentType: string; body: string }): Promise<void>;
  fail(requestId: string): Promise<void>;
  proceed(requestId: string): Promise<void>;
}

function requestAnswers(connection: Connection): RequestAnswers {
  return {
    fulfill: async (request, { status, contentType, body }) => {
      await connection.send('network.provideResponse', {
        request,
        statusCode: status,
        reasonPhrase: status === 200 ? 'OK' : 'Not Found',
        headers: [{ name: 'content-type', value: { type: 'string', value: contentType } }],
        body: { type: 'string', value: body },
      });
    },
    fail: async (request) => {
      await connection.send('network.failRequest', { request });
    },
    proceed: async (request) => {
      await connection.send('network.continueRequest', { request });
    },
  };
}

/** Loads an extension page (or any URL) in the tab and waits for its load event. */
export async function navigate(page: Page, url: string): Promise<void> {
  await connectionOf(page.browser()).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'complete' });
}

async function run(page: Page, method: 'script.evaluate' | 'script.callFunction', params: object): Promise<RemoteValue> {
  const { result } = await connectionOf(page.browser()).send(method, {
    target: { context: contextOf(page) },
    awaitPromise: false,
    ...params,
  });
  const outcome = result as EvaluateResult;
  if (outcome.type !== 'success') throw new Error(`Evaluation failed in ${page.url()}`);
  return outcome.result;
}

/**
 * The text of the first element matching `selector` inside the shadow root of the first
 * `hostSelector` element, open or closed, or null when there is none.
 */
export async function textInShadowRoot(page: Page, hostSelector: string, selector: string): Promise<string | null> {
  const host = await run(page, 'script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
    serializationOptions: { maxDomDepth: 0 },
  });
  const root = (host.value as { shadowRoot?: RemoteValue } | undefined)?.shadowRoot;
  if (!root?.sharedId) return null;
  const text = await run(page, 'script.callFunction', {
    functionDeclaration: '(root, selector) => root.querySelector(selector)?.textContent ?? null',
    arguments: [{ sharedId: root.sharedId }, { type: 'string', value: selector }],
  });
  return text.type === 'string' ? (text.value as string) : null;
}
