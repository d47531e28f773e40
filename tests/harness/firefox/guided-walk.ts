import type { Browser, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { RenewalWalk } from '../renewal-walks';
import { guideCardText } from './overlay';
import { followGuide, HIGHLIGHTED } from './walker';

/**
 * Walks one renewal path from its start page, checking at every step what a user sees: one
 * highlight, on the step's element, and the card's «Passo N di M». Returns the page it ends on.
 */
export async function walkGuide(browser: Browser, walk: RenewalWalk): Promise<Page> {
  const start = await browser.newPage();
  await start.goto(walk.start);
  return followGuide(browser, start, walk.steps, async (step, page) => {
    const highlights = () => page.$$eval(HIGHLIGHTED, (elements) => elements.map((element) => element.getAttribute('data-pec-highlight')));
    await expect.poll(highlights).toEqual([step.id]);
    await expect.poll(() => guideCardText(page)).toContain(walk.stepLine(step.id));
  });
}
