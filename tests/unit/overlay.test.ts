import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '@/entrypoints/aruba.content/overlay';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Sicurezza <b>e</b> password';

function shadowOf(): ShadowRoot {
  return document.querySelector('pec-password-assistant')!.shadowRoot!;
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
    expect(root.querySelector('.chip span')!.textContent).toBe(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('lives in its own shadow root and lets clicks through but for its buttons', () => {
    const overlay = new Overlay(() => undefined);
    overlay.showGuide(null, { stepLine: null, text: 'x', dismissLabel: 'Non ora' });
    const root = shadowOf();
    expect(root.mode).toBe('open');
    expect(root.querySelector('style')!.textContent).toMatch(/\.layer \{[^}]*pointer-events: none/);
    expect(root.querySelector('style')!.textContent).toMatch(/\.card \{[^}]*pointer-events: auto/);
    expect(document.body.querySelector('.card')).toBeNull();
  });

  it('dismisses on its button and on Esc inside it', () => {
    const onDismiss = vi.fn();
    const overlay = new Overlay(onDismiss);
    overlay.showGuide(null, { stepLine: null, text: 'x', dismissLabel: 'Non ora' });
    const button = shadowOf().querySelector('button')!;
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });
});
