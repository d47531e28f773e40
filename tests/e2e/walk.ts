import type { BrowserContext, Page } from '@playwright/test';
import { ARUBA_STEPS, type StepId } from '../../utils/aruba-steps';
import { expect } from './extension';

export const highlighted = (page: Page) => page.locator('[data-pec-highlight]');
export const guideCard = (page: Page) => page.locator('pec-password-assistant').getByRole('dialog');
export const guideChip = (page: Page) => page.locator('pec-password-assistant').getByRole('status');

/**
 * Follows the guide as a user would: at each step the highlighted element must be that step's,
 * the card must say which step it is, and a click on the element itself must work (the overlay
 * never takes the click). Returns the page the path ends on (steps may open new tabs).
 */
export async function walkGuide(
  context: BrowserContext,
  start: Page,
  steps: readonly StepId[],
  stepLine: (ordinal: number) => string,
  screenshot: (name: string, page: Page) => Promise<unknown>,
): Promise<Page> {
  let page = start;
  for (const id of steps) {
    const step = ARUBA_STEPS.find((candidate) => candidate.id === id)!;
    await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', id);
    await expect(highlighted(page)).toHaveCount(1);
    await expect(guideCard(page)).toContainText(stepLine(step.ordinal));
    await screenshot(`${step.path}-${step.ordinal}-${id}`, page);
    if (step.opensNewTab) {
      const opened = context.waitForEvent('page');
      await highlighted(page).click();
      page = await opened;
    } else {
      await highlighted(page).click();
    }
  }
  return page;
}
