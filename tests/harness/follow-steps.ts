import { ARUBA_STEPS, type ArubaStep, type StepId } from '../../utils/aruba/steps';

/** What following the guide needs from a browser driver (Playwright, Puppeteer), for pages of type P. */
export interface GuideDriver<P> {
  /** Waits until the step's element carries the highlight and is visible. */
  highlighted(page: P, id: StepId): Promise<void>;
  /** Clicks that very element, as a user would; the overlay must not take the click. */
  click(page: P, id: StepId): Promise<void>;
  /** Resolves with the next tab the browser opens; called before the click that opens it. */
  nextTab(): Promise<P>;
}

/**
 * Follows the guide as a user would: waits until the step's element carries the highlight, lets
 * the caller check or photograph it, then clicks that very element. Returns the page the path
 * ends on: some steps open a new tab.
 */
export async function followSteps<P>(
  driver: GuideDriver<P>,
  start: P,
  steps: readonly StepId[],
  atStep: (step: ArubaStep, page: P) => Promise<void>,
): Promise<P> {
  let page = start;
  for (const id of steps) {
    const step = ARUBA_STEPS.find((candidate) => candidate.id === id)!;
    await driver.highlighted(page, id);
    await atStep(step, page);
    const opened = step.opensNewTab ? driver.nextTab() : null;
    await driver.click(page, id);
    if (opened) page = await opened;
  }
  return page;
}
