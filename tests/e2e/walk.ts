import type { BrowserContext, Page } from '@playwright/test';
import type { StepId } from '../../utils/aruba-steps';
import { followGuide, guideCard, highlighted } from '../fixtures/guide-walker';
import { expect } from './extension';

export { guideCard, guideChip, highlighted } from '../fixtures/guide-walker';

/** followGuide with the checks of every step: one highlight, on the step's element, and its "Passo N di 4". */
export function walkGuide(
  context: BrowserContext,
  start: Page,
  steps: readonly StepId[],
  stepLine: (ordinal: number) => string,
  screenshot: (name: string, page: Page) => Promise<unknown>,
): Promise<Page> {
  return followGuide(context, start, steps, async (step, page) => {
    await expect(highlighted(page)).toHaveCount(1);
    await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', step.id);
    await expect(guideCard(page)).toContainText(stepLine(step.ordinal));
    await screenshot(`${step.path}-${step.ordinal}-${step.id}`, page);
  });
}
