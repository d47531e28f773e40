import { ARUBA_STATES, ARUBA_STEPS, EVERYDAY_PAGES, labelsIn, matchesUrl, type Labels } from '../aruba/steps';
import type { GuideMode, GuideWake } from '../messaging/protocol';
import { wakeWords } from '../in-page/wake-words';

const NONE: Labels = { it: [], en: [] };

/** In the loader's words (utils/in-page/wake-words.ts), which it compares as they are. */
const normalized = (labels: readonly string[]) => [...new Set(labels.map(wakeWords))].filter((words) => words !== '');

/**
 * When the loader of the page at `url` loads the guide (issue 17). The guide has work where a
 * step or a state of the path can be: at once when it is on for the page's mailbox, or on a page
 * of the path that is not one people read all day (Gestione account, the security pages, the
 * sign-in). On the WebMail it waits for a sign: a title or top heading naming one of the path's
 * pages, or a click on one of the labels of the steps the WebMail shows. A page where nothing of
 * the path can be never loads it.
 */
export function guideWake(url: URL, mode: GuideMode): GuideWake {
  const steps = ARUBA_STEPS.filter((step) => matchesUrl(step.where, url));
  const states = ARUBA_STATES.filter((state) => matchesUrl(state.where, url));
  if (steps.length === 0 && states.length === 0) return { now: false, headings: [], labels: [] };
  if (mode.mode === 'guide' || !matchesUrl(EVERYDAY_PAGES, url)) return { now: true };
  return {
    now: false,
    headings: normalized([
      ...steps.flatMap((step) => labelsIn(step.pageSigns ?? NONE)),
      ...states.flatMap((state) => labelsIn(state.titles ?? NONE)),
    ]),
    labels: normalized(steps.flatMap((step) => labelsIn(step.labels))),
  };
}
