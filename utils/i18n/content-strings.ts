import { ARUBA_STATES, ARUBA_STEPS } from '../aruba/steps';
import type { MessageKey } from './translate';

/**
 * The texts the guide shows besides the page table's step and state messages. The background
 * sends them with its guide-mode answer, in the language chosen in the options (the content
 * script carries no catalog of its own: it must stay small). The quiet chip's words come put
 * together (entrypoints/background/language.ts).
 * tests/unit/content-strings.test.ts fails when the content script uses a key missing here.
 */
const GUIDE_KEYS = [
  'langCode',
  'stepOf',
  'guideDismiss',
  'guideMaybe',
  'guideNotFoundHint',
  'guideCloseLayer',
  'guideCloseLayerUntitled',
  'chipClose',
  'captureRecorded',
  'captureRecordedOnTheDay',
  'captureRecordedNoReminders',
  'captureForUnnamed',
  'captureNameInPopup',
  'captureNewerKept',
  'captureRejected',
  'offsetsDaysOne',
  'offsetsDaysMany',
  'rejectNoDate',
  'rejectImpossibleDate',
  'rejectAmbiguousYear',
  'rejectTooFarPast',
  'rejectTooFarAhead',
  'rejectSeveralDates',
  'storeUnavailable',
] as const satisfies readonly MessageKey[];

export function contentScriptKeys(): MessageKey[] {
  const pageTable = [...ARUBA_STEPS, ...ARUBA_STATES].flatMap((entry) => entry.messages);
  return [...new Set([...GUIDE_KEYS, ...pageTable])];
}
