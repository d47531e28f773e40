import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { ArubaStep, StepId } from '../../../utils/aruba/steps';
import { followSteps } from '../follow-steps';
import { cardText } from './overlay-probe';

export const highlighted = (page: Page) => page.locator('[data-pec-highlight]');

/** followSteps in Playwright: each step's highlighted element, with its card shown, is clicked. */
export function followGuide(
  context: BrowserContext,
  start: Page,
  steps: readonly StepId[],
  atStep: (step: ArubaStep, page: Page) => Promise<void>,
): Promise<Page> {
  const step = (page: Page, id: StepId) => page.locator(`[data-pec-highlight="${id}"]`);
  return followSteps(
    {
      highlighted: async (page, id) => {
        await step(page, id).waitFor({ state: 'visible', timeout: 10_000 });
        await expect.poll(() => cardText(page)).not.toBe('');
      },
      click: (page, id) => step(page, id).click(),
      nextTab: () => context.waitForEvent('page'),
    },
    start,
    steps,
    atStep,
  );
}
