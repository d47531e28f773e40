import type { BrowserContext } from '@playwright/test';
import { replicaAnswer } from '../replica-answer';

/**
 * Serves Aruba's URLs from the replica pages and aborts every other network request, recording
 * it in `blocked`: nothing reaches Aruba or the internet, and a test can assert that nothing tried.
 */
export async function routeArubaToFixtures(context: BrowserContext, blocked: string[]): Promise<void> {
  await context.route('**/*', async (route) => {
    const answer = replicaAnswer(route.request().url());
    if (answer.action === 'continue') return route.continue();
    if (answer.action === 'fulfill') return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
}
