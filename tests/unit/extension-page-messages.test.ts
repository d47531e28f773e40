import { importStore } from './store-modules';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addDays, formatItalianDate, localToday } from '@/utils/dates/calendar-date';
import type { ExtensionPageMessage } from '@/utils/messaging/messages';

/** The background as extension pages meet it: through runtime messages only. */
async function startBackground() {
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  const [{ default: background }, capture, store] = await Promise.all([
    import('@/entrypoints/background/index'),
    import('@/entrypoints/background/capture'),
    importStore(),
  ]);
  background.main();
  const send = async (message: ExtensionPageMessage) => {
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, {}, () => undefined);
    return reply;
  };
  return { send, capture, store };
}

const today = () => localToday(new Date());

let bg: Awaited<ReturnType<typeof startBackground>>;
beforeEach(async () => {
  bg = await startBackground();
});

describe('messages from the popup and the options page', () => {
  it('move-capture names a mailbox still to be named, and refuses a target that is no address', async () => {
    const expiry = addDays(today(), 60);
    await bg.capture.handleExpirySeen({
      type: 'expiry-seen',
      address: null,
      expiryText: formatItalianDate(expiry),
      source: 'account-console',
      fresh: false,
      pageUrl: 'https://account.aruba.it/pec',
    });
    const db = await bg.store.openStore();
    const [unnamed] = await bg.store.listAccounts(db);
    expect(await bg.send({ type: 'move-capture', from: unnamed!.address, to: 'unnamed:5' })).toEqual({ status: 'invalid-address' });
    expect(await bg.send({ type: 'move-capture', from: unnamed!.address, to: 'Studio@pec.it' })).toEqual({ status: 'moved', address: 'studio@pec.it' });
    expect(await bg.store.listAccounts(db)).toEqual([expect.objectContaining({ address: 'studio@pec.it', expiry })]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('60');
    db.close();
  });

  it('accounts-changed and settings-changed bring badge and alarms in line with the store', async () => {
    const db = await bg.store.openStore();
    const expiry = addDays(today(), 20);
    await bg.store.saveAccount(db, {
      address: 'studio@pec.it',
      label: '',
      expiry,
      capturedAt: 1,
      source: 'manual',
      pageUrl: null,
      programs: [],
      programsToUpdate: [],
      ...bg.store.NO_OFFICE_FIELDS,
    });
    await bg.send({ type: 'accounts-changed' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('20');

    await bg.store.saveSettings(db, { offsets: [10] });
    await bg.send({ type: 'settings-changed' });
    const reminders = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).filter((name) => name.startsWith('reminder|'));
    expect(reminders).toEqual([`reminder|studio@pec.it|${expiry}|10`]);

    await bg.store.clearAll(db);
    await bg.send({ type: 'accounts-changed' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).toEqual(['badge-midnight']);
    db.close();
  });
});
