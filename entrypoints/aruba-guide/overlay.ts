import { buildChip, createHost, trusted, type Chip } from '@/utils/in-page/host';
import OVERLAY_CSS from './overlay.css?inline';

/** What the guide shows next to the element to click (or docked, when there is none). */
export interface GuideCard {
  /** "Passo 2 di 4", or null for a state that is not a step. */
  stepLine: string | null;
  text: string;
  hint?: string;
  warn?: boolean;
  dismissLabel: string;
}

const GAP = 10;

/**
 * The guide's UI: a ring around the target and a card beside it, or a chip in a corner, in the
 * host utils/in-page/host.ts makes (a closed shadow root, never covering clicks, page text set as
 * text).
 */
export class Overlay {
  private readonly host: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly ring = document.createElement('div');
  private card: HTMLElement | null = null;
  /** What `card` says: the same card is shown again, not rebuilt, each time its element reappears. */
  private cardKey = '';
  private following = false;
  private chip: HTMLElement | null = null;
  private target: Element | null = null;
  /** The target and card the ring and card were last drawn at: a new one waits for its boxes hidden. */
  private drawn: { target: Element; card: HTMLElement } | null = null;
  private frame = 0;
  /** Re-places ring and card on the next frame, at most once per frame. */
  readonly follow = () => {
    if (this.frame || !this.target) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  };

  constructor(private readonly onDismiss: () => void) {
    ({ host: this.host, layer: this.layer } = createHost(OVERLAY_CSS));
    this.ring.className = 'ring';
    this.ring.hidden = true;
    this.layer.append(this.ring);
    this.layer.addEventListener(
      'keydown',
      trusted((event: KeyboardEvent) => {
        if (event.key === 'Escape') this.onDismiss();
      }),
    );
  }

  private mount(): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  /** `tentative`: a guess at the element, drawn with a dashed ring. */
  showGuide(target: Element | null, card: GuideCard, tentative = false): void {
    this.mount();
    this.followPage();
    this.ring.classList.toggle('tentative', tentative);
    this.target = target;
    const key = JSON.stringify(card);
    if (!this.card || key !== this.cardKey) {
      this.card?.remove();
      this.card = buildCard(card, this.onDismiss);
      this.cardKey = key;
    }
    if (!this.card.isConnected) this.layer.append(this.card);
    this.place();
  }

  showChip(chip: Chip, onClose: () => void): void {
    this.mount();
    this.hideChip();
    this.chip = buildChip(chip, () => {
      this.hideChip();
      onClose();
    });
    this.layer.append(this.chip);
  }

  hideGuide(): void {
    this.target = null;
    this.ring.hidden = true;
    this.card?.remove();
  }

  hideChip(): void {
    this.chip?.remove();
    this.chip = null;
  }

  destroy(): void {
    this.hideGuide();
    this.host.remove();
    removeEventListener('scroll', this.follow, { capture: true });
    removeEventListener('resize', this.follow);
  }

  /** From the first guide card on: a page's elements come and go, the listeners stay. */
  private followPage(): void {
    if (this.following) return;
    this.following = true;
    addEventListener('scroll', this.follow, { capture: true, passive: true });
    addEventListener('resize', this.follow, { passive: true });
  }

  /**
   * Ring on the target, card below it (or above when there is no room), inside the viewport.
   * The boxes come from an IntersectionObserver, measured when the browser lays the page out
   * anyway: reading them here would force a layout of a busy inbox at every change.
   */
  private place(): void {
    const target = this.target?.isConnected ? this.target : null;
    const card = this.card?.isConnected ? this.card : null;
    const moved = target !== this.drawn?.target || card !== this.drawn?.card;
    if (target === null || moved) this.ring.hidden = true;
    if (!card) return;
    if (!target) {
      card.classList.remove('measuring');
      card.classList.add('docked');
      card.style.left = card.style.top = '';
      return;
    }
    card.classList.remove('docked');
    if (moved) card.classList.add('measuring');
    const measure = new IntersectionObserver((entries) => {
      measure.disconnect();
      const box = entries.find((entry) => entry.target === target)?.boundingClientRect;
      const cardBox = entries.find((entry) => entry.target === card)?.boundingClientRect;
      if (box && cardBox && target === this.target && card === this.card) this.draw(box, card, cardBox);
    });
    measure.observe(target);
    measure.observe(card);
  }

  private draw(box: DOMRectReadOnly, card: HTMLElement, cardBox: DOMRectReadOnly): void {
    this.drawn = { target: this.target!, card };
    this.ring.hidden = false;
    card.classList.remove('measuring');
    Object.assign(this.ring.style, {
      left: `${box.left - 4}px`,
      top: `${box.top - 4}px`,
      width: `${box.width + 8}px`,
      height: `${box.height + 8}px`,
    });
    const below = box.bottom + GAP;
    const top = below + cardBox.height <= innerHeight ? below : Math.max(GAP, box.top - GAP - cardBox.height);
    const left = Math.min(Math.max(GAP, box.left), Math.max(GAP, innerWidth - cardBox.width - GAP));
    card.style.top = `${top}px`;
    card.style.left = `${left}px`;
  }
}

function buildCard(card: GuideCard, onDismiss: () => void): HTMLElement {
  const element = document.createElement('div');
  element.className = 'card';
  element.setAttribute('role', 'dialog');
  element.setAttribute('aria-live', 'polite');
  const lines: HTMLElement[] = [];
  if (card.stepLine) lines.push(paragraph('step', card.stepLine));
  lines.push(paragraph('text', card.text));
  if (card.hint) lines.push(paragraph(card.warn ? 'hint warn' : 'hint', card.hint));
  const actions = document.createElement('div');
  actions.className = 'actions';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = card.dismissLabel;
  dismiss.addEventListener('click', trusted(onDismiss));
  actions.append(dismiss);
  element.setAttribute('aria-label', card.stepLine ? `${card.stepLine} — ${card.text}` : card.text);
  element.append(...lines, actions);
  return element;
}

function paragraph(className: string, text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}
