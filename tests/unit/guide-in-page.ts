import { Guide } from '@/entrypoints/aruba-guide/guide';
import type { GuideModeAnswer } from '@/utils/messaging/protocol';

/*
 * A guide started on the test's document as the loader hands it over with the guide on (issue 17),
 * and ended after the test: for the unit tests of what the guide does on a page.
 */

const GUIDING: GuideModeAnswer = { mode: 'guide', reason: 'due', language: 'it', chip: null, wake: { now: true }, strings: {} };

let stop = new AbortController();

/** Starts the guide, then waits `settleMs` (its first look at the whole page waits out page-watch's 150 ms). */
export async function startGuide(settleMs = 250): Promise<void> {
  stop = new AbortController();
  const guide = new Guide(stop.signal, { address: null, answer: GUIDING, chipClosed: false, signal: stop.signal, release: () => undefined });
  await guide.start();
  await new Promise((done) => setTimeout(done, settleMs));
}

/** Ends the guide and clears the page: for afterEach. */
export function endGuide(): void {
  stop.abort();
  document.body.replaceChildren();
  document.querySelector('pec-password-assistant')?.remove();
}
