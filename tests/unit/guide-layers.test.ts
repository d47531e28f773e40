import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catchShadowRoots } from './closed-roots';
import { HIGHLIGHT_ATTRIBUTE } from '@/entrypoints/aruba-guide/guide';
import { endGuide, startGuide } from './guide-in-page';

/*
 * Aruba's notices over the element to click are told by hit-testing it, which lays the page out:
 * on a busy inbox a layout costs tens of milliseconds. The guide tests once per target, when the
 * page is laid out anyway, and again only when a layer may have opened or closed; the highlight
 * itself is set in the observer's callback, with no layout at all.
 */

/** The old WebMail's top bar, and its folders fixed beside the inbox: a fixed body child, as the bench inbox has. */
const PAGE = `<header><nav id="nav"><a id="settings" href="/settings">Impostazioni</a></nav></header>
  <aside style="position: fixed; top: 60px; left: 0"><a href="#INBOX">Posta in arrivo</a></aside><main><h1>Posta in arrivo</h1></main>`;
const NOTICE = `<div role="dialog" aria-modal="true" aria-labelledby="notice-title" style="position: fixed; inset: 0">
  <h2 id="notice-title">Adegua la tua PEC</h2><button type="button">Chiudi</button></div>`;

/** Mutation records are delivered, and a frame and its aftermath have passed. */
const settle = (ms = 0) => new Promise((done) => setTimeout(done, ms));
/** A look at the whole page waits out page-watch's 150 ms between such looks. */
const afterWholeLook = () => settle(250);

/** happy-dom's ResizeObserver never reports: this one reports a new observation in the next frame, as a browser does after its layout. */
class FrameResizeObserver {
  private frame = 0;
  constructor(private readonly report: ResizeObserverCallback) {}
  observe(): void {
    this.frame = requestAnimationFrame(() => this.report([], this));
  }
  unobserve(): void {
    cancelAnimationFrame(this.frame);
  }
  disconnect(): void {
    cancelAnimationFrame(this.frame);
  }
}

let roots: ShadowRoot[] = [];
let hitTests: ReturnType<typeof vi.fn>;
/** What is at the target's centre: the target itself unless a notice covers it. */
let atCentre: () => Element | null;

beforeEach(() => {
  document.body.innerHTML = PAGE;
  roots = catchShadowRoots();
  // happy-dom lays nothing out: every element gets a box, and the hit test answers as a browser would.
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(10, 10, 100, 20));
  atCentre = () => document.getElementById('settings');
  hitTests = vi.fn(() => atCentre());
  document.elementFromPoint = hitTests as typeof document.elementFromPoint;
  vi.stubGlobal('ResizeObserver', FrameResizeObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
  endGuide();
});

const highlighted = () => document.querySelector(`[${HIGHLIGHT_ATTRIBUTE}]`);
const cardText = () => roots.at(-1)?.querySelector('.card')?.textContent ?? '';

function addSettingsLink(): Element {
  document.getElementById('settings')?.remove();
  const link = document.createElement('a');
  link.id = 'settings';
  link.href = '/settings';
  link.textContent = 'Impostazioni';
  document.getElementById('nav')!.append(link);
  return link;
}

describe('the guide and the notices over its target', () => {
  it('hit-tests a target once, not at every look at it', async () => {
    await startGuide();
    const target = document.getElementById('settings')!;
    expect(target.getAttribute(HIGHLIGHT_ATTRIBUTE)).toBe('webmail-settings');
    const tested = hitTests.mock.calls.length;
    expect(tested).toBeGreaterThan(0);
    // Twenty changes that mention the step's label, each looked at; none can open or close a layer.
    for (let round = 0; round < 20; round++) {
      target.classList.toggle('hover');
      await settle();
    }
    expect(hitTests).toHaveBeenCalledTimes(tested);
    expect(target.getAttribute(HIGHLIGHT_ATTRIBUTE)).toBe('webmail-settings');
  });

  it('highlights a target in the observer’s callback and tests it only once the page is laid out', async () => {
    await startGuide();
    const tested = hitTests.mock.calls.length;
    const boxes = vi.mocked(Element.prototype.getBoundingClientRect);
    boxes.mockClear();
    const link = addSettingsLink();
    // The mutation records arrive in a microtask: the highlight is there, no box was read, no point tested.
    await Promise.resolve();
    await Promise.resolve();
    expect(link.getAttribute(HIGHLIGHT_ATTRIBUTE)).toBe('webmail-settings');
    expect(boxes).not.toHaveBeenCalled();
    expect(hitTests).toHaveBeenCalledTimes(tested);
    await settle(50);
    expect(hitTests).toHaveBeenCalledTimes(tested + 1);
    expect(cardText()).toContain('Impostazioni');
  });

  it('under a notice: no highlight, the card names the notice, and the guide goes on once it closes', async () => {
    document.body.insertAdjacentHTML('beforeend', NOTICE);
    atCentre = () => document.querySelector('[role=dialog] h2');
    await startGuide();
    await settle(50);
    expect(highlighted()).toBeNull();
    expect(cardText()).toContain("Prima chiudi l'avviso «Adegua la tua PEC»");

    // Looks at the page while the notice stays keep the target unrung.
    for (let round = 0; round < 5; round++) {
      document.getElementById('settings')!.classList.toggle('hover');
      await settle();
      expect(highlighted()).toBeNull();
    }

    // The page draws the target anew while the notice stays: still unrung, not even for a frame.
    const target = addSettingsLink();
    await Promise.resolve();
    await Promise.resolve();
    expect(highlighted()).toBeNull();
    await settle(50);
    expect(highlighted()).toBeNull();

    document.querySelector('[role=dialog]')!.remove();
    atCentre = () => document.getElementById('settings');
    await afterWholeLook();
    expect(target.getAttribute(HIGHLIGHT_ATTRIBUTE)).toBe('webmail-settings');
    expect(cardText()).toContain('Passo 1 di');
  });
});
