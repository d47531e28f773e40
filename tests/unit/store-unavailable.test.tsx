import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  document.body.replaceChildren();
  globalThis.indexedDB = new IDBFactory();
});

describe('the popup when IndexedDB cannot be opened', () => {
  it('says what is wrong instead of crashing or showing an empty list', async () => {
    vi.resetModules();
    globalThis.indexedDB = new IDBFactory();
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const app = document.createElement('div');
    app.id = 'app';
    document.body.append(app);
    await import('@/entrypoints/popup/main');
    await vi.waitFor(() => expect(app.querySelector('[role=alert]')?.textContent).toContain('Impossibile leggere i dati salvati'));
    expect(app.querySelector('h1')?.textContent).toBe('Promemoria password PEC');
  });
});
