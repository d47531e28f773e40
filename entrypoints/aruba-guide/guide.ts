import { ACCOUNT_CONSOLE, ARUBA_STATES, matchesUrl, pathLength, type ArubaStep } from '@/utils/aruba/steps';
import { captureMessage } from '@/utils/guide/capture-message';
import { accessibleLabel, isRendered } from '@/utils/page/text';
import { inOneLook, queryAll, type SearchRoot } from '@/utils/page/walk';
import {
  detectPageState,
  headingStep,
  readWholePage,
  recognizeStep,
  stepAfterOpenMenu,
  type PageState,
  type WholePage,
} from '@/utils/page/find-step';
import { findNearMiss } from '@/utils/page/near-miss';
import { layerTitle, openModal } from '@/utils/page/layers';
import { readExpiryText } from '@/utils/page/read-expiry';
import { readAccountName } from '@/utils/page/read-mailbox';
import { setTranslations, t } from '@/utils/i18n/translate';
import type { CaptureResult, ChipWords, ExpirySeen, GuideMode, GuideModeAnswer } from '@/utils/messaging/protocol';
import { askBackground } from '@/utils/in-page/ask-background';
import type { Handoff } from '@/utils/in-page/handoff';
import { LayerCheck } from './layer-check';
import { Overlay, type GuideCard } from './overlay';
import { watchPage, type PageChange, type PageWatch } from './page-watch';

/** The test contract: the element to click next carries this attribute, valued with the step id. */
export const HIGHLIGHT_ATTRIBUTE = 'data-pec-highlight';

const LABEL_MAX = 60;
/** Late-rendering pages (the new WebMail draws itself after a second) get this long first. */
const NOT_FOUND_AFTER_MS = 4000;
/** While a notice covers the target, how often to look whether it is gone (it may close by itself). */
const LAYER_RECHECK_MS = 500;

/** How soon the background is asked again after it did not answer (a worker waking, an update). */
const RETRY_MS = 2000;
/** A date the background could not keep is sent again this many times, RETRY_MS apart. */
const MAX_REPORT_RETRIES = 5;

/** A state (the password window, a warning) or a step further along wins over what is shown. */
function outranks(found: PageState, current: PageState | null): boolean {
  if (!current || 'state' in found) return true;
  if ('state' in current) return false;
  return found.step.ordinal >= current.step.ordinal;
}

function sourceOf(state: PageState): ExpirySeen['source'] {
  if ('state' in state) return matchesUrl(ACCOUNT_CONSOLE, new URL(location.href)) ? 'account-console' : 'webmail-dialog';
  return state.step.path === 'account' ? 'account-console' : 'webmail-security';
}

function stepCard(step: ArubaStep, target: Element): GuideCard {
  const [instruction, hint] = step.messages;
  const label = accessibleLabel(target).slice(0, LABEL_MAX);
  return {
    stepLine: t('stepOf', [String(step.ordinal), String(pathLength(step.path))]),
    text: t(instruction!, label),
    hint: hint ? t(hint) : undefined,
    dismissLabel: t('guideDismiss'),
  };
}

/**
 * Runs on an Aruba page once its loader loaded it (there is work: the guide is on, or the page is
 * one of the path's): asks the background whether to guide, keeps the highlight on the element to
 * click next as the page changes, and reports the expiry the page shows. It sends the background
 * only the mailbox name and the expiry text; it never reads the password.
 */
export class Guide {
  private mode: GuideMode = { mode: 'quiet' };
  private chipWords: ChipWords | null = null;
  private address: string | null = null;
  private highlighted: Element | null = null;
  private shown = '';
  private reportedExpiry: string | null = null;
  private failedReports = 0;
  private chipClosed = false;
  private chipText = '';
  private state: PageState | null = null;
  /** The page's step by its headings and the mailbox it names, from the last look at the whole page. */
  private whole: WholePage = { byHeadings: null, account: null };
  private watch: PageWatch | undefined;
  private shownTarget: Element | null = null;
  private notFoundSince: number | null = null;
  private recheck: ReturnType<typeof setTimeout> | undefined;
  private dismissed = false;
  /** Where the last look searched: copies of our attribute are cleared there. */
  private lookedAt: readonly SearchRoot[] = [document];
  /** Made when there is something to show: most pages never need it. */
  private drawn: Overlay | null = null;
  /** Aruba's notices over the target, tested after a frame: the step is shown again with the answer. */
  private readonly layers = new LayerCheck((target) => this.layersTested(target));

  /** `loader`: what the loader that loaded the guide hands over; it is released at the first look. */
  constructor(
    private readonly signal: AbortSignal,
    private loader?: Handoff,
  ) {
    this.chipClosed = loader?.chipClosed ?? false;
    signal.addEventListener('abort', () => this.end(), { once: true });
  }

  async start(): Promise<void> {
    const loader = this.loader;
    if (loader?.answer) {
      this.address = loader.address;
      this.apply(loader.answer);
    } else await this.askMode();
    if (this.signal.aborted) return;
    this.watch = watchPage((change) => this.update(change), this.signal);
    this.watch.guiding(this.guiding());
    this.watch.lookEverywhere();
  }

  /**
   * Asks the background how to behave on this page. Unanswered (the worker was being replaced,
   * say), the page stays quiet and asks again shortly, then looks at the page once more.
   */
  private async askMode(): Promise<void> {
    this.address = readAccountName(document);
    let answer: GuideModeAnswer;
    try {
      answer = await askBackground('guide-mode', { address: this.address, stage: 'guide' });
    } catch {
      if (!this.signal.aborted) setTimeout(() => void this.askMode().then(() => this.watch?.lookEverywhere()), RETRY_MS);
      return;
    }
    this.apply(answer);
  }

  private apply(answer: GuideModeAnswer): void {
    setTranslations(answer.strings);
    this.mode = answer;
    this.chipWords = answer.chip;
    this.watch?.guiding(this.guiding());
  }

  private guiding(): boolean {
    return this.mode.mode === 'guide' && !this.dismissed;
  }

  private update(change: PageChange): void {
    inOneLook(() => this.look(change));
  }

  private look(change: PageChange): void {
    // The loader's chip goes in the same task as the guide shows its own: never a frame without.
    this.loader?.release();
    this.loader = undefined;
    if (change.everywhere) {
      this.whole = readWholePage(document, new URL(location.href));
      const address = this.whole.account;
      if (address !== this.address && address !== null) {
        void this.askMode().then(() => this.watch?.lookEverywhere());
        return;
      }
    }
    this.lookedAt = change.everywhere ? [document] : change.places;
    // page-watch looks everywhere when a notice opens or closes (and after a click, a navigation).
    if (change.everywhere) this.layers.layersChanged();
    const state = (this.state = change.everywhere ? detectPageState(document, location.href, this.whole) : this.lookOnlyAt(change));
    this.reportExpiry(state);
    // The "copy it now" warning is worth showing whenever the password is on screen.
    const passwordShown = state !== null && 'state' in state && state.state === 'password-shown';
    if (!this.dismissed && (this.mode.mode === 'guide' || passwordShown)) this.guide(state);
    else this.showQuietChip();
  }

  /**
   * A busy inbox is not searched whole at every change: only where it changed. What the guide
   * shows stays while it is on screen; a step further along, or a state, may have appeared.
   */
  private lookOnlyAt(change: PageChange): PageState | null {
    const current = this.state;
    let state = current && isRendered('state' in current ? current.scope : current.target) ? current : null;
    let headingsRead = false;
    for (const place of change.places) {
      if (!place.isConnected) continue;
      let found = detectPageState(place, location.href, this.whole);
      // A page drawn late may have got its headings since the last whole look: they are read again
      // before a step is shown (rare: a target appearing), so that no step back is ever shown.
      if (found && 'step' in found && !headingsRead) {
        headingsRead = true;
        this.whole = { ...this.whole, byHeadings: headingStep(document, new URL(location.href)) };
        found = detectPageState(place, location.href, this.whole);
      }
      if (found && outranks(found, state)) state = found;
    }
    return state;
  }

  private guide(state: PageState | null): void {
    if (!state) return this.guideWithoutTarget();
    this.notFoundSince = null;
    clearTimeout(this.recheck);
    this.recheck = undefined;
    if ('state' in state) {
      const definition = ARUBA_STATES.find((s) => s.id === state.state)!;
      this.highlight(null, null);
      return this.show(`state:${state.state}`, null, () => ({
        stepLine: null,
        text: t(definition.messages[0]!),
        warn: state.state === 'protocols-disabled',
        dismissLabel: t('guideDismiss'),
      }));
    }
    const { layer, tested } = this.layers.over(state.target);
    if (layer) return this.guideUnderLayer(state.step, layer.title);
    // The highlight at once; the ring and card once the target is known to be uncovered.
    this.highlight(state.target, state.step.id);
    if (tested) this.show(`step:${state.step.id}`, state.target, () => stepCard(state.step, state.target));
  }

  /** The notices over the target were tested: the step it is for is shown with the answer. */
  private layersTested(target: Element): void {
    const state = this.state;
    if (!this.guiding() || !state || !('step' in state) || state.target !== target) return;
    inOneLook(() => this.guide(state));
  }

  /**
   * The target is under one of Aruba's own notices and cannot be clicked: no ring on it, the card
   * says to close the notice (by its title when short and plain), and the page is looked at again
   * until the notice is gone, as it may close by itself.
   */
  private guideUnderLayer(step: ArubaStep, title: string | null): void {
    this.highlight(null, null);
    this.recheck ??= setTimeout(() => {
      this.recheck = undefined;
      this.watch?.lookEverywhere();
    }, LAYER_RECHECK_MS);
    this.show(`layer:${step.id}:${title ?? ''}`, null, () => ({
      stepLine: t('stepOf', [String(step.ordinal), String(pathLength(step.path))]),
      text: title ? t('guideCloseLayer', title.slice(0, LABEL_MAX)) : t('guideCloseLayerUntitled'),
      dismissLabel: t('guideDismiss'),
    }));
  }

  /**
   * Nothing to click found: give the page a few seconds (it may still be rendering), then say in
   * words what to look for, offering a near match as a guess. Aruba's next redesign must leave
   * the user with directions, not silence.
   */
  private guideWithoutTarget(): void {
    const url = new URL(location.href);
    const step = recognizeStep(url, this.whole.byHeadings ?? stepAfterOpenMenu(document, url, this.whole.account));
    // Aruba's modal notice hides the page: say so at once, rather than "not found" later.
    const modal = openModal(document);
    if (modal && step) return this.guideUnderLayer(step, layerTitle(modal));
    this.notFoundSince ??= performance.now();
    const waited = performance.now() - this.notFoundSince;
    if (waited < NOT_FOUND_AFTER_MS || !step) {
      this.clear();
      if (step)
        this.recheck ??= setTimeout(() => {
          this.recheck = undefined;
          this.watch?.lookEverywhere();
        }, NOT_FOUND_AFTER_MS - waited);
      return;
    }
    this.highlight(null, null);
    const label = step.labels[document.documentElement.lang.startsWith('en') ? 'en' : 'it'][0]!;
    const instruction = t(step.messages[0]!, label);
    const stepLine = t('stepOf', [String(step.ordinal), String(pathLength(step.path))]);
    const guess = findNearMiss(document, step);
    if (guess) {
      const text = t('guideMaybe', accessibleLabel(guess).slice(0, LABEL_MAX));
      return this.show(`maybe:${step.id}`, guess, () => ({ stepLine, text, hint: instruction, dismissLabel: t('guideDismiss') }), true);
    }
    this.show(`missing:${step.id}`, null, () => ({ stepLine, text: instruction, hint: t('guideNotFoundHint'), dismissLabel: t('guideDismiss') }));
  }

  private overlay(): Overlay {
    return (this.drawn ??= new Overlay(() => this.dismiss()));
  }

  /** `card` is made only when something new is shown: most changes of a page leave the card as it is. */
  private show(key: string, target: Element | null, card: () => GuideCard, tentative = false): void {
    const identity = `${key}|${t('langCode')}`;
    // Same step, same element: the page may have moved it, so only the position is redone.
    if (identity === this.shown && target === this.shownTarget) return this.drawn?.follow();
    this.shown = identity;
    this.shownTarget = target;
    this.overlay().showGuide(target, card(), tentative);
  }

  private highlight(target: Element | null, stepId: string | null): void {
    if (this.highlighted !== target) this.highlighted?.removeAttribute(HIGHLIGHT_ATTRIBUTE);
    // Pages that re-render by cloning copy our attribute too: clear the copies where we looked.
    for (const root of this.lookedAt) {
      for (const copy of queryAll(root, `[${HIGHLIGHT_ATTRIBUTE}]`)) if (copy !== target) copy.removeAttribute(HIGHLIGHT_ATTRIBUTE);
    }
    this.highlighted = target;
    if (target && stepId && target.getAttribute(HIGHLIGHT_ATTRIBUTE) !== stepId) target.setAttribute(HIGHLIGHT_ATTRIBUTE, stepId);
  }

  private clear(): void {
    this.highlight(null, null);
    this.shown = '';
    this.shownTarget = null;
    this.drawn?.hideGuide();
  }

  private showQuietChip(): void {
    this.clear();
    if (this.mode.mode !== 'chip' || !this.chipWords || this.chipClosed || this.reportedExpiry !== null) return;
    this.showChip(this.chipWords, false, () => {
      this.chipClosed = true;
    });
  }

  private showChip(words: ChipWords, bad: boolean, onClose: () => void): void {
    if (words.text === this.chipText) return;
    this.chipText = words.text;
    this.overlay().showChip({ ...words, bad }, onClose);
  }

  private reportExpiry(state: PageState | null): void {
    const expiryText = readExpiryText(document, state);
    if (!state || !expiryText || expiryText === this.reportedExpiry) return;
    this.reportedExpiry = expiryText;
    // A page that draws itself late may name its mailbox only now: the date is sent with it.
    this.address = readAccountName(document) ?? this.address;
    const seen: ExpirySeen = { address: this.address, expiryText, source: sourceOf(state), fresh: 'state' in state };
    void askBackground('expiry-seen', seen)
      .catch((): CaptureResult => ({ status: 'store-unavailable' }))
      .then((result) => this.reported(result));
  }

  /** The background's answer to a date read: a chip says it, and a date not kept is sent again later. */
  private reported(result: CaptureResult): void {
    const { text, bad } = captureMessage(t, result);
    this.showChip({ text, closeLabel: t('chipClose') }, bad, () => undefined);
    if (result.status === 'store-unavailable') {
      // Nothing was kept: the page reads and sends the date again, a few times.
      this.reportedExpiry = null;
      if (++this.failedReports <= MAX_REPORT_RETRIES) setTimeout(() => this.watch?.lookEverywhere(), RETRY_MS);
      return;
    }
    this.failedReports = 0;
    if (result.status !== 'recorded') return;
    // The mode the date just read calls for, at once: far from expiry, the guide stands down.
    this.mode = result.mode;
    this.watch?.guiding(this.guiding());
    this.watch?.lookEverywhere();
  }

  private dismiss(): void {
    this.dismissed = true;
    this.watch?.guiding(false);
    this.clear();
    // Best effort: the tab stays dismissed in this page whatever the answer.
    askBackground('guide-dismissed', {}).catch(() => undefined);
  }

  private end(): void {
    clearTimeout(this.recheck);
    this.layers.cancel();
    this.clear();
    this.drawn?.destroy();
  }
}
