import type { Browser, Page } from 'puppeteer-core';
import type { ArubaStep, StepId } from '../../../utils/aruba/steps';
import { followSteps } from '../follow-steps';
import { nextTab } from './extension-page';

/** The step's element, wherever it is: the new WebMail draws its controls in open shadow roots. */
export const stepSelector = (id: StepId) => `>>> [data-pec-highlight="${id}"]`;
/** Every element carrying the guide's highlight. */
export const HIGHLIGHTED = '>>> [data-pec-highlight]';

/** followSteps in Puppeteer: each step's highlighted element is clicked as a user would. */
export function followGuide(
  browser: Browser,
  start: Page,
  steps: readonly StepId[],
  atStep: (step: ArubaStep, page: Page) => Promise<void>,
): Promise<Page> {
  return followSteps(
    {
      highlighted: async (page, id) => {
        await page.waitForSelector(stepSelector(id), { visible: true, timeout: 10_000 });
      },
      click: async (page, id) => {
        const element = await page.$(stepSelector(id));
        if (!element) throw new Error(`The highlight of ${id} went away before the click`);
        await element.click();
      },
      nextTab: () => nextTab(browser),
    },
    start,
    steps,
    atStep,
  );
}
