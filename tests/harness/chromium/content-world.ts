import { expect, type Page } from '@playwright/test';

/**
 * Runs `expression` in the isolated world our content script (the loader, and the guide it loads)
 * runs in on `page`, reached over the DevTools protocol as an attacker in the renderer would, or
 * a test that asks what runs there.
 */
export async function inContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const session = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as (typeof contexts)[number]));
  await session.send('Runtime.enable');
  const ours = () => contexts.find((context) => context.auxData?.type === 'isolated' && context.origin.includes(extensionId));
  await expect.poll(ours, { timeout: 10_000 }).toBeDefined();
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression,
    contextId: ours()!.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await session.detach();
  return exceptionDetails ? { error: exceptionDetails.exception?.description ?? exceptionDetails.text } : result.value;
}

/** Whether the guide runs in the page (entrypoints/aruba-guide/ marks its world when it starts). */
export function guideRuns(page: Page, extensionId: string): Promise<unknown> {
  return inContentScript(page, extensionId, `globalThis[Symbol.for('pec-password-assistant:guide')] === true`);
}
