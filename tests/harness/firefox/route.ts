import type { Browser } from 'puppeteer-core';
import { replicaAnswer } from '../replica-answer';
import { interceptEveryRequest } from './bidi';

/**
 * Serves Aruba's URLs from the replica pages in every tab of this Firefox, those the page or the
 * extension opens included, and aborts every other request, recording it in `blocked`.
 */
export function routeArubaToFixtures(browser: Browser, blocked: string[]): Promise<void> {
  return interceptEveryRequest(browser, async ({ request }, answers) => {
    const answer = replicaAnswer(request.url);
    if (answer.action === 'fulfill') return answers.fulfill(request.request, answer);
    if (answer.action === 'continue') return answers.proceed(request.request);
    blocked.push(request.url);
    return answers.fail(request.request);
  });
}
