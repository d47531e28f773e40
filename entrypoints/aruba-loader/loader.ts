import { askBackground } from '@/utils/in-page/ask-background';
import { leaveHandoff, type Handoff } from '@/utils/in-page/handoff';
import { buildChip, createHost } from '@/utils/in-page/host';
import type { GuideModeAnswer } from '@/utils/messaging/protocol';
import { readBannerMailbox } from '@/utils/page/banner-mailbox';
import { wakeWords } from '@/utils/in-page/wake-words';
import { ELEMENT_NODE } from '@/utils/page/walk';

/** How soon the background is asked again after it did not answer (a worker waking, an update), and how often. */
const RETRY_MS = 2000;
const MAX_ASKS = 3;
/**
 * A click is on a label when the clicked element, or one of its nearest ancestors, says it: the
 * new WebMail's icon inside the button inside its custom element is three elements in.
 */
const CLICK_DEPTH = 6;
/** Longer texts are whole regions, not a label. */
const LABEL_MAX = 80;

async function askMode(address: string | null, signal: AbortSignal): Promise<GuideModeAnswer | null> {
  for (let ask = 1; !signal.aborted; ask++) {
    try {
      return await askBackground('guide-mode', { address, stage: 'loader' });
    } catch {
      if (ask === MAX_ASKS) return null;
      await new Promise((done) => setTimeout(done, RETRY_MS));
    }
  }
  return null;
}

/** The page's title or its top heading names one of the path's pages. */
function namesPathPage(headings: ReadonlySet<string>): boolean {
  const title = wakeWords(document.title);
  const top = document.querySelector('h1');
  return [...headings].some((heading) => title.includes(heading)) || (top !== null && headings.has(wakeWords(top.textContent ?? '')));
}

/** What the clicked element (or an ancestor close to it) is called: its label, title or short text. */
function clickedLabel(event: Event, labels: ReadonlySet<string>): boolean {
  return event
    .composedPath()
    .filter((node): node is Element => (node as Node).nodeType === ELEMENT_NODE)
    .slice(0, CLICK_DEPTH)
    .some((element) =>
      [element.getAttribute('aria-label'), element.getAttribute('title'), element.textContent].some(
        (text) => text !== null && text.length <= LABEL_MAX && labels.has(wakeWords(text)),
      ),
    );
}

/**
 * Runs on every Aruba page, and on the page people read all day does nothing else: reads the
 * mailbox the page names, asks the background what to do, shows the quiet chip when told to, and
 * loads the guide (entrypoints/aruba-guide/) only when it has work: at once when the guide is on
 * or the page is one of the path's, or when the page's title or top heading names one, or at the
 * first click on one of the path's labels (one passive listener; nothing observes the page).
 */
export async function runLoader(signal: AbortSignal): Promise<void> {
  const address = readBannerMailbox(document);
  const answer = await askMode(address, signal);
  if (!answer || signal.aborted) return;
  const listening = new AbortController();
  const chip = answer.chip && createHost();
  const release = () => {
    listening.abort();
    chip?.host.remove();
  };
  const handoff: Handoff = { address, answer: answer.wake.now ? answer : null, chipClosed: false, signal, release };
  leaveHandoff(handoff);
  signal.addEventListener('abort', release, { once: true });
  if (chip && answer.chip) {
    chip.layer.append(
      buildChip(answer.chip, () => {
        chip.host.remove();
        handoff.chipClosed = true;
      }),
    );
    document.documentElement.append(chip.host);
  }
  const { wake } = answer;
  const load = () => {
    listening.abort();
    // The guide takes over, or the page has gone: either way there is nothing more to do here.
    void askBackground('load-guide', {}).catch(() => false);
  };
  if (wake.now || namesPathPage(new Set(wake.headings))) return load();
  if (wake.labels.length === 0) return;
  const labels = new Set(wake.labels);
  addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && clickedLabel(event, labels)) load();
    },
    { capture: true, passive: true, signal: listening.signal },
  );
}
