import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, localToday } from '@/utils/dates/calendar-date';
import { saveAccount } from '@/utils/store/accounts';
import { openStore } from '@/utils/store/schema';
import { manualAccount } from './accounts';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  globalThis.indexedDB = new IDBFactory();
});

describe('the popup’s start (issue 17: its first render waits on IndexedDB once)', () => {
  it('reads the settings and the list together, once each, before drawing the rows', async () => {
    vi.resetModules();
    globalThis.indexedDB = new IDBFactory();
    const seeding = await openStore();
    await saveAccount(seeding, manualAccount('mario.rossi@pec.it', { expiry: addDays(localToday(new Date()), 12) }));
    seeding.close();
    const reads: string[] = [];
    for (const method of ['get', 'getAll'] as const) {
      const original = IDBObjectStore.prototype[method] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
        reads.push(`${this.name}.${method}`);
        return original.apply(this, args);
      } as never);
    }
    const app = document.createElement('div');
    app.id = 'app';
    document.body.append(app);
    await import('@/entrypoints/popup/main');
    await vi.waitFor(() => expect(app.querySelectorAll('li.account')).toHaveLength(1));
    expect(reads.sort()).toEqual(['accounts.getAll', 'attributions.getAll', 'settings.get']);
  });
});
