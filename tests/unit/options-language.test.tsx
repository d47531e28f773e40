import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/Options';
import { getSettings, saveSettings } from '@/utils/store/settings';
import { openStore, type StoreDb } from '@/utils/store/schema';
import { button, byLabel, click, mount } from './render';
import { serveBackground, type SentMessage } from './test-store';

let db: StoreDb;
let sent: SentMessage[];

beforeEach(async () => {
  db = await openStore(crypto.randomUUID());
  sent = serveBackground(db);
});

async function choose(root: HTMLElement, label: string, value: string) {
  const select = byLabel<HTMLSelectElement>(root, label);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('Options → Language', () => {
  it('offers automatic, Italiano and English, each language named in itself', async () => {
    const root = await mount(<Options db={db} />);
    await vi.waitFor(() => byLabel(root, "Lingua dell'estensione"));
    const options = [...byLabel<HTMLSelectElement>(root, "Lingua dell'estensione").options];
    expect(options.map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['auto', 'Automatica (come il browser)', ''],
      ['it', 'Italiano', 'it'],
      ['en', 'English', 'en'],
    ]);
    expect(byLabel<HTMLSelectElement>(root, "Lingua dell'estensione").value).toBe('auto');
  });

  it('switches the whole page to English at once, stores the choice, and tells the background', async () => {
    const root = await mount(<Options db={db} />);
    await vi.waitFor(() => byLabel(root, "Lingua dell'estensione"));
    await choose(root, "Lingua dell'estensione", 'en');
    const apply = button(root, 'Applica');
    apply.focus();
    await click(apply);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Settings'));
    expect(root.textContent).toContain('Language saved.');
    expect(byLabel(root, 'Days before the expiry')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Settings — PEC app-password reminder');
    // The button the user pressed keeps the focus, now in English.
    expect(document.activeElement?.textContent).toBe('Apply');
    expect((await getSettings(db)).language).toBe('en');
    expect(sent.map((message) => message.type)).toEqual(['save-settings']);

    await choose(root, 'Extension language', 'auto');
    await click(button(root, 'Apply'));
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Impostazioni'));
    expect(document.documentElement.lang).toBe('it');
  });

  it('opens in the stored language', async () => {
    await saveSettings(db, { language: 'en' });
    const root = await mount(<Options db={db} />);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Settings'));
    expect(byLabel<HTMLSelectElement>(root, 'Extension language').value).toBe('en');
  });
});
