import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catchShadowRoots } from './closed-roots';
import { Overlay } from '@/entrypoints/aruba-guide/overlay';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Sicurezza <b>e</b> password';

/** The overlay's closed root, caught as it is attached: the page (and so a test) cannot ask the host for it. */
let roots: ShadowRoot[] = [];
beforeEach(() => {
  roots = catchShadowRoots();
});

function shadowOf(): ShadowRoot {
  return roots.at(-1)!;
}

/** An event as a person's click or key makes it: dispatched events are untrusted. */
function asPerson<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

afterEach(() => {
  document.body.replaceChildren();
  document.querySelector('pec-password-assistant')?.remove();
});

describe('the in-page overlay', () => {
  it('renders page text as text, never as markup', () => {
    const target = document.createElement('a');
    document.body.append(target);
    const overlay = new Overlay(() => undefined);
    overlay.showGuide(target, { stepLine: 'Passo 2 di 4', text: `Premi «${HOSTILE}»`, hint: HOSTILE, dismissLabel: 'Non ora' });
    overlay.showChip({ text: HOSTILE, closeLabel: 'Chiudi' }, () => undefined);
    const root = shadowOf();
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('.text')!.textContent).toBe(`Premi «${HOSTILE}»`);
    expect(root.querySelector('.chip')!.firstChild!.textContent).toBe(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('lives in its own closed shadow root and lets clicks through but for its buttons', () => {
    const overlay = new Overlay(() => undefined);
    overlay.showGuide(null, { stepLine: null, text: 'x', dismissLabel: 'Non ora' });
    const root = shadowOf();
    expect(root.mode).toBe('closed');
    expect(document.querySelector('pec-password-assistant')!.shadowRoot).toBeNull();
    expect(root.querySelector('style')!.textContent).toMatch(/\.layer \{[^}]*pointer-events: none/);
    expect(root.querySelector('style')!.textContent).toMatch(/\.card \{[^}]*pointer-events: auto/);
    expect(document.body.querySelector('.card')).toBeNull();
  });

  it('dismisses on its button and on Esc inside it, pressed by a person', () => {
    const onDismiss = vi.fn();
    const overlay = new Overlay(onDismiss);
    overlay.showGuide(null, { stepLine: null, text: 'x', dismissLabel: 'Non ora' });
    const button = shadowOf().querySelector('button')!;
    button.dispatchEvent(asPerson(new MouseEvent('click', { bubbles: true })));
    button.dispatchEvent(asPerson(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });

  it('cannot be pressed by the page: events a script dispatches are ignored', () => {
    const onDismiss = vi.fn();
    const onClose = vi.fn();
    const overlay = new Overlay(onDismiss);
    overlay.showGuide(null, { stepLine: null, text: 'x', dismissLabel: 'Non ora' });
    overlay.showChip({ text: 'scade tra 60 giorni', closeLabel: 'Chiudi' }, onClose);
    for (const button of shadowOf().querySelectorAll('button')) {
      button.click();
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    }
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(shadowOf().querySelector('.chip')).not.toBeNull();
  });
});
