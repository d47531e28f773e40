import { manualAccount } from './accounts';
import { importStore } from './store-modules';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contentScriptKeys } from '@/utils/i18n/content-strings';
import italian from '../../public/_locales/it/messages.json';

const ROOT = join(import.meta.dirname, '../..');

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : null;
  if (base === null) return null;
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync) ?? null;
}

/** Every file of ours the content script's two stages bundle: the loader, the guide and what they import (not `import type`). */
function contentScriptFiles(): string[] {
  const seen = new Set<string>();
  const queue = [join(ROOT, 'entrypoints/aruba-loader/index.ts'), join(ROOT, 'entrypoints/aruba-guide/index.ts')];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, typeOnly, specifier] of readFileSync(file, 'utf8').matchAll(/^import\s+(type\s)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const target = typeOnly ? null : resolveImport(file, specifier!);
      if (target) queue.push(target);
    }
  }
  return [...seen].map((file) => relative(ROOT, file));
}

/** String literals in the file that are keys of the locale files. */
const messageKeysIn = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/['"`]([A-Za-z]\w*)['"`]/g)]
    .map(([, word]) => word!)
    .filter((word) => Object.hasOwn(italian, word));

describe('the texts sent to the content script', () => {
  it('cover every message key the content script uses', () => {
    const files = contentScriptFiles();
    expect(files).toEqual(expect.arrayContaining(['entrypoints/aruba-guide/guide.ts', 'utils/guide/capture-message.ts', 'utils/aruba/steps.ts']));
    // The content script stays small: the catalogs are for the background and extension pages only.
    expect(files).not.toContain('utils/i18n/catalog.ts');
    const sent = new Set(contentScriptKeys());
    const missing = files.flatMap((file) =>
      messageKeysIn(file)
        .filter((key) => !sent.has(key as never))
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the background and the language chosen in the options', () => {
  async function loadBackground() {
    vi.resetModules();
    globalThis.indexedDB = new IDBFactory();
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
    const store = await importStore();
    const { store: open } = await import('@/entrypoints/background/store-access');
    return { db: await open(), ...store };
  }

  /** From the content script of an Aruba tab, and from our options page. */
  const ARUBA_TAB = { id: fakeBrowser.runtime.id, tab: { id: 3 } as never, frameId: 0, url: 'https://webmail.pec.it/' };
  const ask = async (message: unknown) => (await fakeBrowser.runtime.onMessage.trigger(message, ARUBA_TAB, () => undefined))[0];
  const command = async (message: unknown) =>
    (
      await fakeBrowser.runtime.onMessage.trigger(
        message,
        { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') },
        () => undefined,
      )
    )[0];

  it('tells the content script the language, and sends its texts in that language', async () => {
    const { db, saveSettings } = await loadBackground();
    const italianAnswer = (await ask({ type: 'guide-mode', address: null, stage: 'guide' })) as { language: string; strings: Record<string, string> };
    expect(italianAnswer).toMatchObject({ mode: 'guide', language: 'it' });
    expect(italianAnswer.strings.guideDismiss).toBe('Non ora');
    await saveSettings(db, { language: 'en' });
    const answer = (await ask({ type: 'guide-mode', address: null, stage: 'guide' })) as { language: string; strings: Record<string, string> };
    expect(answer).toMatchObject({ mode: 'guide', language: 'en' });
    expect(answer.strings.langCode).toBe('en');
    expect(answer.strings.guideDismiss).toBe('Not now');
    expect(answer.strings.stepWebmailSettings).toBe('Click «$1» in the top bar (the gear icon).');
    // Only what the content script shows: not the popup's or the options' texts.
    expect(answer.strings.optionsHeading).toBeUndefined();
    expect(await ask({ type: 'content-strings', language: 'en' })).toBeUndefined();
  });

  it('speaks the chosen language in the badge title after a settings change', async () => {
    await loadBackground();
    await command({ type: 'restore-account', account: manualAccount('a@pec.it', { expiry: '2099-01-01' }) });
    expect(await fakeBrowser.action.getTitle({})).toContain('a@pec.it: scade il 01/01/2099');
    await command({ type: 'save-settings', settings: { language: 'en' } });
    expect(await fakeBrowser.action.getTitle({})).toContain('a@pec.it: expires on 01/01/2099');
  });
});
