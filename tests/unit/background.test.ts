import { importStore } from './store-modules';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addDays, formatItalianDate, localDateTime, localToday } from '@/utils/dates/calendar-date';
import type { ExpirySeen } from '@/utils/messaging/protocol';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { CANARY_PASSWORD } from '../harness/site';
import { reminderAlarm, remindersHeld, remindersHeldBefore } from './held-reminders';
import english from '../../public/_locales/en/messages.json';

// Each test gets an empty IndexedDB and fresh background modules (they cache the connection).
async function loadBackground() {
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  const [capture, reminders, guide, notifications, renewal, store, access] = await Promise.all([
    import('@/entrypoints/background/capture'),
    import('@/entrypoints/background/reminders'),
    import('@/entrypoints/background/guide-mode'),
    import('@/entrypoints/background/notifications'),
    import('@/entrypoints/background/renewal'),
    importStore(),
    import('@/entrypoints/background/store-access'),
  ]);
  return {
    ...capture,
    ...reminders,
    ...guide,
    ...notifications,
    ...renewal,
    ...store,
    store: access.store,
    storedSettings: access.storedSettings,
    /** A date read by the content script of tab `tabId` (a tab of its own when not said). */
    handleExpirySeen: (read: ExpirySeen, tabId = lonelyTab++, now = new Date()) =>
      capture.handleExpirySeen(read, { tabId, url: new URL(PAGE_URL) }, now),
  };
}

const PAGE_URL = 'https://webmail.pec.it/settings?sid=secret#x';
/** Tabs no other capture of a test shares. */
let lonelyTab = 1000;

const today = () => localToday(new Date());

function seen(expiryText: string, address: string | null = 'mario.rossi@pec.it', fresh = true): ExpirySeen {
  return { address, expiryText, source: 'webmail-dialog', fresh };
}

type Tab = Parameters<typeof fakeBrowser.tabs.onCreated.trigger>[0];
/** A tab as the browser describes it to listeners; only its id and opener matter here. */
const tabOf = (id: number, openerTabId?: number) =>
  ({ id, openerTabId, index: 0, windowId: 1, active: true, pinned: false, highlighted: true, incognito: false }) as Tab;

let bg: Awaited<ReturnType<typeof loadBackground>>;
beforeEach(async () => {
  bg = await loadBackground();
});

describe('capture', () => {
  it('records the expiry, sets badge and title; each reminder gets its alarm two days ahead at the latest', async () => {
    const expiry = addDays(today(), 40);
    const result = await bg.handleExpirySeen(seen(`Scadenza ${formatItalianDate(expiry)}`));
    expect(result).toMatchObject({
      status: 'recorded',
      mailbox: 'mario.rossi@pec.it',
      expiry,
      offsets: [14, 7, 3, 1, 0],
      mode: { mode: 'chip', daysLeft: 40 },
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('40');
    expect(await fakeBrowser.action.getTitle({})).toContain(`mario.rossi@pec.it: scade il ${formatItalianDate(expiry)}`);
    // The first reminder is 26 days away: none yet, the midnight pass gives the next two days' theirs.
    expect(await remindersHeld()).toEqual([]);
    for (const offset of [14, 7, 3, 1, 0]) {
      expect(await remindersHeldBefore(bg.onMidnight, addDays(expiry, -offset))).toContain(`reminder|mario.rossi@pec.it|${expiry}|${offset}`);
    }
    const account = await bg.getAccount(await bg.store(), 'mario.rossi@pec.it');
    expect(account?.pageUrl).toBe('https://webmail.pec.it/settings');
  });

  it('answers from what was stored: a newer capture kept is said so, never a date it did not record', async () => {
    const kept = addDays(today(), 40);
    const db = await bg.store();
    // Read «later» than now: a clock set back since, or a backup imported before imports were clamped.
    await bg.recordCapture(db, {
      address: 'mario.rossi@pec.it',
      expiry: kept,
      capturedAt: Date.now() + 86_400_000,
      source: 'webmail-dialog',
      pageUrl: null,
    });
    const read = addDays(today(), 90);
    expect(await bg.handleExpirySeen(seen(`Scadenza ${formatItalianDate(read)}`))).toEqual({
      status: 'newer-kept',
      mailbox: 'mario.rossi@pec.it',
      expiry: kept,
      read,
    });
    expect((await bg.getAccount(db, 'mario.rossi@pec.it'))?.expiry).toBe(kept);
  });

  it('a store error during a capture is answered «store unavailable», so that the page says so and sends the date again (issue 16)', async () => {
    const expiry = addDays(today(), 40);
    const put = IDBObjectStore.prototype.put;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'accounts') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    expect(await bg.handleExpirySeen(seen(`Scadenza ${formatItalianDate(expiry)}`), 7)).toEqual({ status: 'store-unavailable' });
    failing.mockRestore();
    expect(await bg.handleExpirySeen(seen(`Scadenza ${formatItalianDate(expiry)}`), 7)).toMatchObject({ status: 'recorded', expiry });
  });

  it('reports an unreadable date and stores nothing', async () => {
    expect(await bg.handleExpirySeen(seen('Scadenza 31/02/2027'))).toEqual({ status: 'rejected', reason: 'impossible-date' });
    expect(await bg.listAccounts(await bg.store())).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('keeps no trace of a password that reached it by mistake', async () => {
    await bg.handleExpirySeen(seen(`${CANARY_PASSWORD} Scadenza ${formatItalianDate(addDays(today(), 30))}`), 3);
    await bg.handleExpirySeen(seen(`${CANARY_PASSWORD} ${formatItalianDate(addDays(today(), 31))}`, null), 4);
    const db = await bg.store();
    const everything = JSON.stringify([await bg.exportAll(db), await bg.listAttributions(db), await fakeBrowser.storage.session.get(null)]);
    expect(everything).not.toContain(CANARY_PASSWORD);
  });
});

describe('a date read on a page that names no mailbox', () => {
  const read = (expiry: string, tabId: number) => bg.handleExpirySeen(seen(formatItalianDate(expiry), null, false), tabId);
  const twoTracked = async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 50)), 'a@pec.it'));
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 60)), 'b@pec.it'));
  };
  const attributionOf = async (address: string) => (await bg.listAttributions(await bg.store())).find((a) => a.address === address)?.by;

  it('goes to the mailbox an earlier page of the same tab named', async () => {
    await twoTracked();
    await bg.guideModeFor('webmail@pec.it', 5);
    const expiry = addDays(today(), 80);
    expect(await read(expiry, 5)).toMatchObject({ status: 'recorded', mailbox: 'webmail@pec.it', expiry });
    expect(await attributionOf('webmail@pec.it')).toBe('tab');
  });

  it('goes to the mailbox of the tab that opened it («Sicurezza e password» opens a new tab)', async () => {
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
    await twoTracked();
    await bg.guideModeFor('webmail@pec.it', 5);
    await fakeBrowser.tabs.onCreated.trigger(tabOf(6, 5));
    // A tab opened by a page we never heard of is not remembered.
    await fakeBrowser.tabs.onCreated.trigger(tabOf(8, 7));
    const expiry = addDays(today(), 80);
    expect(await read(expiry, 6)).toMatchObject({ mailbox: 'webmail@pec.it' });
    expect(await attributionOf('webmail@pec.it')).toBe('opener');
    // The password window in the same new tab, later: the same mailbox.
    expect(await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 90)), null, true), 6)).toMatchObject({ mailbox: 'webmail@pec.it' });
    expect(await read(expiry, 8)).toMatchObject({ mailbox: null });
  });

  it('goes to the mailbox the renewal was started for, in the tab the renewal opened', async () => {
    await twoTracked();
    await bg.startRenewal('B@pec.it');
    const [tab] = await fakeBrowser.tabs.query({ url: 'https://account.aruba.it/pec' });
    expect(await bg.guideModeFor(null, tab!.id)).toEqual({ mode: 'guide', reason: 'renewal-started' });
    const expiry = addDays(today(), 90);
    expect(await bg.handleExpirySeen(seen(formatItalianDate(expiry), null, true), tab!.id)).toMatchObject({ mailbox: 'b@pec.it', expiry });
    expect((await bg.getAccount(await bg.store(), 'a@pec.it'))?.expiry).toBe(addDays(today(), 50));
    expect(await attributionOf('b@pec.it')).toBe('renewal');
  });

  it('goes to the only tracked mailbox, when exactly one is tracked', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 50)), 'solo@pec.it'));
    expect(await read(addDays(today(), 80), 9)).toMatchObject({ mailbox: 'solo@pec.it' });
    expect(await attributionOf('solo@pec.it')).toBe('only-mailbox');
  });

  it('a page that names its mailbox wins over any context', async () => {
    await bg.guideModeFor('webmail@pec.it', 5);
    await bg.startRenewal('rinnovo@pec.it');
    expect(await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 80)), 'Pagina@PEC.it'), 5)).toMatchObject({ mailbox: 'pagina@pec.it' });
    expect(await attributionOf('pagina@pec.it')).toBeUndefined();
    // And the tab now belongs to the mailbox that page named.
    expect(await read(addDays(today(), 81), 5)).toMatchObject({ mailbox: 'pagina@pec.it' });
  });

  it('with nothing to go by, is tracked at once as a mailbox still to be named: badge, reminders, the next date of the tab', async () => {
    await twoTracked();
    const expiry = addDays(today(), 5);
    expect(await read(expiry, 9)).toMatchObject({ status: 'recorded', mailbox: null, expiry });
    const accounts = await bg.listAccounts(await bg.store());
    const unnamed = accounts.find((account) => bg.normalizeAddress(account.address) === null)!;
    expect(unnamed).toMatchObject({ expiry, source: 'webmail-dialog' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
    expect(await fakeBrowser.action.getTitle({})).toContain(`casella da indicare: scade il ${formatItalianDate(expiry)}`);
    expect(await remindersHeldBefore(bg.onMidnight, addDays(expiry, -1))).toContain(`reminder|${unnamed.address}|${expiry}|1`);
    // The password window of the same tab: the same mailbox, not a second one.
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 90)), null, true), 9);
    expect(await bg.listAccounts(await bg.store())).toHaveLength(3);
  });

  it("never shows a page that names no mailbox the soonest date of all, only its own tab's", async () => {
    await twoTracked();
    expect(await bg.guideModeFor(null, 9)).toEqual({ mode: 'quiet' });
    await bg.guideModeFor('b@pec.it', 10);
    expect(await bg.guideModeFor(null, 10)).toEqual({ mode: 'chip', expiry: addDays(today(), 60), daysLeft: 60 });
  });
});

describe('naming and correcting from the popup', () => {
  it('naming a mailbox still to be named moves its reminders to the address, and the tab follows', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 50)), 'a@pec.it'));
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 60)), 'b@pec.it'));
    const expiry = addDays(today(), 20);
    await bg.handleExpirySeen(seen(formatItalianDate(expiry), null), 9);
    const unnamed = (await bg.listAccounts(await bg.store())).find((account) => account.address.startsWith('unnamed:'))!;
    expect(await bg.moveCaptureTo(unnamed.address, 'non valido')).toEqual({ status: 'invalid-address' });
    expect(await bg.moveCaptureTo(unnamed.address, ' Studio@PEC.it ')).toEqual({ status: 'moved', address: 'studio@pec.it' });
    expect(await remindersHeldBefore(bg.onMidnight, addDays(expiry, -14))).toContain(`reminder|studio@pec.it|${expiry}|14`);
    expect((await fakeBrowser.alarms.getAll()).some((alarm) => alarm.name.includes('unnamed:'))).toBe(false);
    expect(await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 90)), null), 9)).toMatchObject({ mailbox: 'studio@pec.it' });
  });

  it('a correction gives the wrong mailbox back the date it had, and moves the new one', async () => {
    const before = addDays(today(), 40);
    await bg.handleExpirySeen(seen(formatItalianDate(before), 'solo@pec.it'));
    const read = addDays(today(), 90);
    expect(await bg.handleExpirySeen(seen(formatItalianDate(read), null), 9)).toMatchObject({ mailbox: 'solo@pec.it' });
    expect(await bg.moveCaptureTo('solo@pec.it', 'giusta@pec.it')).toEqual({ status: 'moved', address: 'giusta@pec.it' });
    const db = await bg.store();
    expect((await bg.getAccount(db, 'solo@pec.it'))?.expiry).toBe(before);
    expect((await bg.getAccount(db, 'giusta@pec.it'))?.expiry).toBe(read);
    expect(await bg.listRenewals(db, 'solo@pec.it')).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('40');
    expect(await remindersHeldBefore(bg.onMidnight, addDays(before, -14))).toContain(`reminder|solo@pec.it|${before}|14`);
    expect(await remindersHeldBefore(bg.onMidnight, addDays(read, -14))).toContain(`reminder|giusta@pec.it|${read}|14`);
    expect(await bg.moveCaptureTo('solo@pec.it', 'giusta@pec.it')).toEqual({ status: 'nothing-to-move' });
  });
});

describe('the answer to a date read: the guide mode from that date, the reminders still ahead', () => {
  const noon = new Date(`${today()}T12:00:00`);
  const at = (days: number) => addDays(today(), days);

  it.each([
    [40, { mode: 'chip', expiry: at(40), daysLeft: 40 }, [14, 7, 3, 1, 0]],
    [10, { mode: 'guide', reason: 'due' }, [7, 3, 1, 0]],
    [3, { mode: 'guide', reason: 'due' }, [1, 0]],
    [0, { mode: 'guide', reason: 'due' }, []],
    [-2, { mode: 'guide', reason: 'due' }, []],
  ])('%i days away: %j, reminders %j', async (days, mode, offsets) => {
    expect(await bg.handleExpirySeen(seen(formatItalianDate(at(days))), 1, noon)).toMatchObject({ mode, offsets });
  });

  it('from the date just read, even for a mailbox still to be named: far away, the guide stands down', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(at(50)), 'a@pec.it'));
    await bg.handleExpirySeen(seen(formatItalianDate(at(60)), 'b@pec.it'));
    expect(await bg.guideModeFor(null, 4)).toEqual({ mode: 'quiet' });
    expect(await bg.handleExpirySeen(seen(formatItalianDate(at(70)), null, false), 4)).toMatchObject({
      mailbox: null,
      mode: { mode: 'chip', daysLeft: 70 },
    });
  });

  it('stays on while a renewal the user started for that mailbox runs, until its new password is read', async () => {
    await bg.startRenewal('mario.rossi@pec.it');
    expect(await bg.handleExpirySeen(seen(formatItalianDate(at(70)), 'mario.rossi@pec.it', false), 1)).toMatchObject({
      mode: { mode: 'guide', reason: 'renewal-started' },
    });
    // A renewal for one mailbox does not keep the guide on for another's far-away password.
    expect(await bg.handleExpirySeen(seen(formatItalianDate(at(70)), 'altra@pec.it', false), 2)).toMatchObject({ mode: { mode: 'chip' } });
    expect(await bg.handleExpirySeen(seen(formatItalianDate(at(90)), 'mario.rossi@pec.it', true), 1)).toMatchObject({
      mode: { mode: 'chip', daysLeft: 90 },
    });
  });

  it('quiet in a tab where the user said "Non ora", and without the chip when it is switched off', async () => {
    await bg.dismissGuideInTab(3);
    expect(await bg.handleExpirySeen(seen(formatItalianDate(at(70))), 3)).toMatchObject({ mode: { mode: 'quiet' } });
    await bg.saveSettings(await bg.store(), { quietChip: false });
    expect(await bg.handleExpirySeen(seen(formatItalianDate(at(71))), 4)).toMatchObject({ mode: { mode: 'quiet' } });
  });
});

describe('reminders', () => {
  it('settles reminders already past when a date is first captured, without a notification', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 5))));
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('reminder|')).length).toBeLessThanOrEqual(3);
  });

  it('re-creates lost alarms and shows reminders missed while closed once, never twice', async () => {
    const expiry = addDays(today(), 20);
    await bg.handleExpirySeen(seen(formatItalianDate(expiry)));
    await fakeBrowser.alarms.clearAll();

    // The browser comes back 16 days later, at noon: the 14- and 7-day reminders were missed.
    const later = new Date(`${addDays(today(), 16)}T12:00:00`);
    await bg.reconcile(later);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([bg.notificationId('mario.rossi@pec.it', expiry)]);
    // Of those to come, the next two days' hold an alarm.
    expect(await remindersHeld()).toEqual([`reminder|mario.rossi@pec.it|${expiry}|3`]);

    await fakeBrowser.notifications.clear(bg.notificationId('mario.rossi@pec.it', expiry));
    await Promise.all([bg.reconcile(later), bg.reconcile(later)]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
  });

  it('shows a due alarm once, with the account, date and days left', async () => {
    const expiry = addDays(today(), 21);
    await bg.handleExpirySeen(seen(formatItalianDate(expiry)));
    const alarm = reminderAlarm('mario.rossi@pec.it', expiry, 7);
    const due = new Date(`${addDays(today(), 14)}T09:00:00`);
    await bg.onReminderAlarm(alarm, due);
    await bg.onReminderAlarm(alarm, due);
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toHaveLength(1);
    const options = fakeBrowser.notifications.getAllCreateOptions?.() ?? {};
    const [notification] = Object.values(options) as { title: string; message: string }[];
    expect(notification?.title).toContain('tra 7 giorni');
    expect(notification?.message).toContain(`mario.rossi@pec.it — scadenza ${formatItalianDate(expiry)}`);
  });

  it('an office: reminders due at the same moment make one summary notification, shown once', async () => {
    const expiry = addDays(today(), 10);
    // Read the day before the 3-day reminders: they hold their alarms (alarmHorizon).
    const dayBefore = new Date(`${addDays(today(), 6)}T12:00:00`);
    for (const address of ['a@pec.it', 'b@pec.it', 'c@pec.it'])
      await bg.handleExpirySeen(seen(formatItalianDate(expiry), address), undefined, dayBefore);
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 40)), 'lontana@pec.it'), undefined, dayBefore);
    const due = new Date(`${addDays(today(), 7)}T09:00:00`);
    await bg.onReminderAlarm(reminderAlarm('b@pec.it', expiry, 3), due);
    // The other two alarms of that moment may still go off: they were shown in the summary.
    await bg.onReminderAlarm(reminderAlarm('a@pec.it', expiry, 3), due);
    await bg.onReminderAlarm(reminderAlarm('c@pec.it', expiry, 3), due);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([bg.SUMMARY_NOTIFICATION_ID]);
    const [summary] = Object.values(fakeBrowser.notifications.getAllCreateOptions?.() ?? {}) as { title: string; message: string }[];
    expect(summary?.title).toBe('3 caselle scadono questa settimana');
    expect(summary?.message).toContain('b@pec.it');
    // The others' alarms are cleared; the one that went off is the browser's to drop.
    expect((await remindersHeld()).filter((name) => name.endsWith('|3') && name.includes(expiry))).toEqual([`reminder|b@pec.it|${expiry}|3`]);
  });

  it('with the mailboxes left out of notifications (a locked screen shows them), says «1 casella» and names none (issue 16)', async () => {
    await bg.saveSettings(await bg.store(), { namesInNotifications: false });
    const expiry = addDays(today(), 10);
    for (const address of ['a@pec.it', 'b@pec.it', 'c@pec.it']) await bg.handleExpirySeen(seen(formatItalianDate(expiry), address));
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 22)), 'sola@pec.it'));
    await bg.onReminderAlarm(reminderAlarm('sola@pec.it', addDays(today(), 22), 7), new Date(`${addDays(today(), 15)}T09:00:00`));
    await bg.onReminderAlarm(reminderAlarm('b@pec.it', expiry, 3), new Date(`${addDays(today(), 7)}T09:00:00`));
    const shown = Object.values(fakeBrowser.notifications.getAllCreateOptions?.() ?? {}) as { title: string; message: string }[];
    expect(shown).toHaveLength(2);
    expect(shown[0]?.message).toBe(
      `1 casella — scadenza ${formatItalianDate(addDays(today(), 22))}. Generane una nuova e sostituiscila in tutti i programmi di posta.`,
    );
    expect(shown[1]?.title).toBe('3 caselle scadono questa settimana');
    expect(JSON.stringify(shown)).not.toContain('@');
  });

  it('reminders missed while closed, for several mailboxes, come back as one summary', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 20)), 'a@pec.it'));
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 25)), 'b@pec.it'));
    await fakeBrowser.alarms.clearAll();
    await bg.reconcile(new Date(`${addDays(today(), 14)}T12:00:00`));
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([bg.SUMMARY_NOTIFICATION_ID]);
    const [summary] = Object.values(fakeBrowser.notifications.getAllCreateOptions?.() ?? {}) as { title: string }[];
    expect(summary?.title).toBe('2 caselle scadono entro 11 giorni');
  });

  it('ignores a reminder for an expiry that was renewed since', async () => {
    // Its 3-day reminder came due yesterday, before the renewal was read.
    const old = addDays(today(), 2);
    await bg.handleExpirySeen(seen(formatItalianDate(old)));
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 90))));
    await fakeBrowser.notifications.clear(bg.notificationId('mario.rossi@pec.it', old));
    // The renewal created the alarm again for the new expiry; one that fires at the old time is stale.
    await bg.onReminderAlarm(reminderAlarm('mario.rossi@pec.it', old, 3));
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
  });

  it('after an update from 0.2.2, clears the alarms named with their expiry and holds the same reminders under the new names; one firing meanwhile shows nothing', async () => {
    const expiry = addDays(today(), 20);
    await bg.handleExpirySeen(seen(formatItalianDate(expiry)));
    const held = (await remindersHeld()).sort();
    await fakeBrowser.alarms.clearAll();
    // The alarms as 0.2.2 named them: reminder|address|expiry|offset.
    for (const offset of [14, 7, 3, 1, 0]) {
      const { scheduledTime } = reminderAlarm('mario.rossi@pec.it', expiry, offset);
      await fakeBrowser.alarms.create(`reminder|mario.rossi@pec.it|${expiry}|${offset}`, { when: scheduledTime });
    }
    await bg.onReminderAlarm({ name: `reminder|mario.rossi@pec.it|${expiry}|14`, scheduledTime: Date.now() });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
    await bg.reconcile();
    expect((await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.name.includes(expiry))).toEqual([]);
    expect((await remindersHeld()).sort()).toEqual(held);
  });

  it('shows "?" and says why when IndexedDB cannot be opened', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await bg.reconcile();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
    expect(await fakeBrowser.action.getTitle({})).toContain('Impossibile leggere');
  });
});

describe('guide mode', () => {
  it('guides when nothing is known, shows a chip when the expiry is far, guides when due', async () => {
    expect(await bg.guideModeFor('mario.rossi@pec.it', 1)).toEqual({ mode: 'guide', reason: 'no-expiry' });
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 63))));
    expect(await bg.guideModeFor('mario.rossi@pec.it', 1)).toEqual({ mode: 'chip', expiry: addDays(today(), 63), daysLeft: 63 });
    expect(await bg.guideModeFor('other@pec.it', 1)).toEqual({ mode: 'guide', reason: 'no-expiry' });
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 10)), 'due@pec.it'));
    expect(await bg.guideModeFor('due@pec.it', 1)).toEqual({ mode: 'guide', reason: 'due' });
    expect(await bg.guideModeFor(null, 1)).toEqual({ mode: 'guide', reason: 'due' });
  });

  it('stays quiet in a tab where the user said "Non ora"', async () => {
    await bg.dismissGuideInTab(7);
    expect(await bg.guideModeFor('mario.rossi@pec.it', 7)).toEqual({ mode: 'quiet' });
    expect(await bg.guideModeFor('mario.rossi@pec.it', 8)).toMatchObject({ mode: 'guide' });
  });
});

describe('what the background keeps in memory (issue 17)', () => {
  it('sees every write through its connection at the next read, wherever the write was made', async () => {
    expect(await bg.guideModeFor('mario.rossi@pec.it', 1)).toEqual({ mode: 'guide', reason: 'no-expiry' });
    const db = await bg.store();
    // Straight through the store's functions, as no message handler does.
    await bg.saveAccount(db, {
      ...bg.NO_OFFICE_FIELDS,
      address: 'mario.rossi@pec.it',
      label: '',
      expiry: addDays(today(), 63),
      capturedAt: 1,
      source: 'manual',
      pageUrl: null,
      programs: [],
      programsToUpdate: [],
    });
    expect(await bg.guideModeFor('mario.rossi@pec.it', 1)).toMatchObject({ mode: 'chip', daysLeft: 63 });
    await bg.saveSettings(db, { quietChip: false });
    expect(await bg.guideModeFor('mario.rossi@pec.it', 1)).toEqual({ mode: 'quiet' });
  });

  it('reads the store anew once the database was deleted from elsewhere', async () => {
    await bg.saveSettings(await bg.store(), { hour: 7 });
    expect((await bg.storedSettings()).hour).toBe(7);
    await new Promise<void>((resolve, reject) => {
      const deletion = indexedDB.deleteDatabase(bg.DB_NAME);
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error ?? new Error('deletion failed'));
    });
    expect((await bg.storedSettings()).hour).toBe(9);
  });
});

describe('renewal', () => {
  it('opens Gestione account with the guide started, until a new expiry is captured', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 63))));
    await bg.startRenewal(null);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain('https://account.aruba.it/pec');
    expect(await bg.guideModeFor('mario.rossi@pec.it', 1)).toEqual({ mode: 'guide', reason: 'renewal-started' });
    // The current expiry read on the way does not end the renewal; the new password's does.
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 63)), 'mario.rossi@pec.it', false));
    expect(await bg.guideModeFor('mario.rossi@pec.it', 1)).toEqual({ mode: 'guide', reason: 'renewal-started' });
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 90))));
    expect(await bg.guideModeFor('mario.rossi@pec.it', 1)).toMatchObject({ mode: 'chip', daysLeft: 90 });
  });
});

describe('the background entrypoint', () => {
  async function startBackground() {
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
  }

  it('opens the guided renewal when a reminder notification, or its "Rinnova ora" button, is clicked, for its mailbox', async () => {
    await startBackground();
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 3)), 'altra@pec.it'));
    await fakeBrowser.notifications.onClicked.trigger('notify|mario.rossi@pec.it|2027-02-15');
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain('https://account.aruba.it/pec'));
    await fakeBrowser.notifications.onButtonClicked.trigger('notify|mario.rossi@pec.it|2027-02-15', 0);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).filter((tab) => tab.url === 'https://account.aruba.it/pec')).toHaveLength(2),
    );
    // The page of the renewal's tab names no mailbox: its date is the notification's mailbox's.
    const [tab] = await fakeBrowser.tabs.query({ url: 'https://account.aruba.it/pec' });
    await vi.waitFor(async () =>
      expect(await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 90)), null), tab!.id)).toMatchObject({
        mailbox: 'mario.rossi@pec.it',
      }),
    );
  });

  it('opens the due-list when the summary notification is clicked', async () => {
    await startBackground();
    await fakeBrowser.notifications.onClicked.trigger(bg.SUMMARY_NOTIFICATION_ID);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContainEqual(expect.stringMatching(/\/due-list\.html$/)),
    );
  });

  it('"Ricordamelo domani" sets a snooze alarm for tomorrow at the reminder hour', async () => {
    await startBackground();
    await fakeBrowser.notifications.onButtonClicked.trigger('notify|mario.rossi@pec.it|2027-02-15', 1);
    await vi.waitFor(async () => {
      const alarm = await fakeBrowser.alarms.get('snooze|mario.rossi@pec.it|2027-02-15');
      expect(alarm?.scheduledTime).toBe(new Date(`${addDays(today(), 1)}T09:00:00`).getTime());
    });
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).not.toContain('https://account.aruba.it/pec');
  });

  /** What the browser stamps on a message of the content script of an Aruba tab. */
  const fromTab = (tab: Tab) => ({ id: fakeBrowser.runtime.id, tab, frameId: 0, url: 'https://webmail.pec.it/' });

  it('answers only well-formed messages', async () => {
    await startBackground();
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'guide-mode', address: null, stage: 'guide' },
      fromTab(tabOf(3)),
      () => undefined,
    );
    expect(await reply).toMatchObject({ mode: 'guide', reason: 'no-expiry', language: 'it', strings: { guideDismiss: 'Non ora' } });
    const [ignored] = await fakeBrowser.runtime.onMessage.trigger({ type: 'expiry-seen', expiryText: 42 }, fromTab(tabOf(3)), () => undefined);
    expect(ignored).toBeUndefined();
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const [noTarget] = await fakeBrowser.runtime.onMessage.trigger({ type: 'move-capture', from: 'unnamed:1' }, popup, () => undefined);
    expect(noTarget).toBeUndefined();
  });

  it('hears which tab a content script speaks from: the page of a tab that named its mailbox', async () => {
    await startBackground();
    const tab = tabOf(12);
    const [shown] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'guide-mode', address: 'Webmail@PEC.it', stage: 'loader' },
      fromTab(tab),
      () => undefined,
    );
    await (shown as Promise<unknown>);
    const message = { type: 'expiry-seen', ...seen(formatItalianDate(addDays(today(), 70)), null) };
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, fromTab(tab), () => undefined);
    expect(await reply).toMatchObject({ status: 'recorded', mailbox: 'webmail@pec.it' });
  });
});

describe('snoozes', () => {
  it('survive a restart that lost every alarm, and show once when due', async () => {
    const expiry = addDays(today(), 10);
    await bg.handleExpirySeen(seen(formatItalianDate(expiry)));
    await bg.snooze('mario.rossi@pec.it', expiry);
    const name = `snooze|mario.rossi@pec.it|${expiry}`;
    await fakeBrowser.alarms.clearAll();

    await bg.reconcile();
    expect(await fakeBrowser.alarms.get(name)).toBeDefined();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);

    // Closed until after the snooze came due: shown once at the next start, then forgotten.
    await fakeBrowser.alarms.clearAll();
    const later = new Date(`${addDays(today(), 2)}T12:00:00`);
    await bg.reconcile(later);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([bg.notificationId('mario.rossi@pec.it', expiry)]);
    await fakeBrowser.notifications.clear(bg.notificationId('mario.rossi@pec.it', expiry));
    await bg.reconcile(later);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
  });
});

describe('a service worker that wakes again', () => {
  /** A wake of the worker: fresh modules, the same browser (alarms, storage) and the same database. */
  async function wake(): Promise<void> {
    vi.resetModules();
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
  }

  it('runs the full pass once per browser session, not at every wake (issue 17: it stops after 30 s idle)', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 20))));
    // The browser restarts: its session storage is empty.
    await fakeBrowser.storage.session.clear();
    const getAll = vi.spyOn(fakeBrowser.alarms, 'getAll');
    await wake();
    await vi.waitFor(() => expect(getAll).toHaveBeenCalledTimes(1));
    // The pass is over once the badge is drawn.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('20'));
    await wake();
    await wake();
    await new Promise((done) => setTimeout(done, 50));
    expect(getAll).toHaveBeenCalledTimes(1);

    // The browser restarts again (session storage is emptied then, and on a reload, an update, a disable): the pass runs again.
    await fakeBrowser.storage.session.clear();
    await wake();
    await vi.waitFor(() => expect(getAll).toHaveBeenCalledTimes(2));
  });

  it('draws the whole toolbar button, whatever the worker before it drew', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 20))));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('20');
    await wake();
    const { showBadge } = await import('@/entrypoints/background/badge');
    await showBadge([], new Date());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).not.toContain('mario.rossi@pec.it');
  });

  it('leaves the toolbar button as a worker before it drew it, and draws only what changed (issue 17)', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 20))));
    // This browser session's full pass is done: the next worker only wakes.
    await (await import('@/entrypoints/background/reminders')).startOfWorker();
    const drawn = await bg.listAccounts(await bg.store());
    await wake();
    await (await import('@/entrypoints/background/reminders')).startOfWorker();
    const spies = (['setBadgeText', 'setBadgeBackgroundColor', 'setTitle'] as const).map((method) => vi.spyOn(fakeBrowser.action, method));
    const { showBadge } = await import('@/entrypoints/background/badge');
    // A woken worker's first call of each extension API costs it milliseconds: what the button
    // already shows is not drawn again.
    await showBadge(drawn, new Date());
    expect(spies.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
    await showBadge([], new Date());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(spies.map((spy) => spy.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('draws the toolbar button even when session storage cannot note it', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 20))));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('20');
    await wake();
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('quota'));
    const { showBadge } = await import('@/entrypoints/background/badge');
    await expect(showBadge([], new Date())).resolves.toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it("keeps «Non ora», the tabs' mailboxes and the renewal across a wake: written to session storage, not only to its memory", async () => {
    await bg.dismissGuideInTab(7);
    await bg.guideModeFor('webmail@pec.it', 5);
    await wake();
    const guide = await import('@/entrypoints/background/guide-mode');
    expect(await guide.guideModeFor('mario.rossi@pec.it', 7)).toEqual({ mode: 'quiet' });
    const { attributeTab } = await import('@/entrypoints/background/tab-context');
    expect(await attributeTab(5, [])).toMatchObject({ mailbox: 'webmail@pec.it' });
  });

  it('speaks the language chosen in the options at every wake, the pass run or not', async () => {
    await bg.saveSettings(await bg.store(), { language: 'en' });
    await bg.reconcile();
    await wake();
    const { t } = await import('@/utils/i18n/translate');
    await vi.waitFor(() => expect(t('chipClose')).toBe(english.chipClose.message));
  });
});

describe('an extension update', () => {
  it('upgrades a version 1 database on "update", keeps every account and shows their badge', async () => {
    const { createV1Database, v1Accounts } = await import('../fixtures/store-v1');
    await createV1Database(bg.DB_NAME);
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('!'));
    const accounts = await bg.listAccounts(await bg.store());
    expect(accounts.map((account) => account.address).sort()).toEqual(v1Accounts.map((account) => account.address).sort());
    expect(accounts.every((account) => Array.isArray(account.programs) && account.label === '')).toBe(true);
  });
});

describe('notifications', () => {
  it('carry a hostile address as plain text: the notification API has no markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>@pec.it';
    await bg.showReminderNotification(hostile, addDays(today(), 3), new Date(), true);
    const [options] = Object.values(fakeBrowser.notifications.getAllCreateOptions?.() ?? {}) as { message: string; type: string }[];
    expect(options?.type).toBe('basic');
    expect(options?.message.startsWith(`${hostile} — scadenza`)).toBe(true);
  });

  it('say «casella da indicare» for a mailbox still to be named, alone or in a summary', async () => {
    const expiry = addDays(today(), 3);
    await bg.showReminderNotification('unnamed:1763888400000', expiry, new Date(), true);
    await bg.showReminders(
      [
        { address: 'unnamed:1763888400000', expiry },
        { address: 'b@pec.it', expiry },
      ],
      new Date(),
      true,
    );
    const shown = Object.values(fakeBrowser.notifications.getAllCreateOptions?.() ?? {}) as { message: string; title: string }[];
    expect(shown.map((options) => options.message)).toEqual([
      `casella da indicare — scadenza ${formatItalianDate(expiry)}. Generane una nuova e sostituiscila in tutti i programmi di posta.`,
      "casella da indicare, b@pec.it. Apri l'elenco delle caselle in scadenza.",
    ]);
    expect(JSON.stringify(shown)).not.toContain('unnamed:');
  });
});

describe('an office with many mailboxes', () => {
  it("keeps under Chrome's 500-alarm cap, the soonest reminders first, should 600 fall due in the next two days", async () => {
    const db = await bg.store();
    for (let i = 0; i < 400; i++) {
      await bg.recordCapture(db, {
        address: `cliente${String(i).padStart(3, '0')}@pec.it`,
        // Half expire tomorrow (reminders today and tomorrow at 9:00), half the day after (tomorrow's).
        expiry: addDays(today(), 1 + (i % 2)),
        capturedAt: Date.now(),
        source: 'manual',
        pageUrl: null,
      });
    }
    await bg.reconcile(localDateTime(today(), 0));
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.length).toBeLessThanOrEqual(450);
    const reminders = alarms.filter((alarm) => alarm.name.startsWith('reminder|'));
    expect(reminders).toHaveLength(449);
    // Today's 200 first, then 249 of tomorrow's 400: nothing sooner than the latest alarm was left out.
    const todays = localDateTime(today(), 9).getTime();
    expect(reminders.filter((alarm) => alarm.scheduledTime === todays)).toHaveLength(200);
    expect(Math.max(...reminders.map((alarm) => alarm.scheduledTime))).toBe(localDateTime(addDays(today(), 1), 9).getTime());
  });
});

describe('the clock', () => {
  it('after a sleep across midnight, the late midnight alarm brings the badge to the new day and aims at the next midnight', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 10))));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('10');
    // The machine slept three days; Chrome fires the overdue midnight alarm when it wakes.
    const woke = new Date(`${addDays(today(), 3)}T07:30:00`);
    await bg.onMidnight(woke);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('7');
    const midnight = await fakeBrowser.alarms.get(bg.MIDNIGHT_ALARM);
    expect(midnight?.scheduledTime).toBe(new Date(`${addDays(today(), 4)}T00:00:00`).getTime());
  });
});

describe("an office's client", () => {
  it('gets a reminder at the lead time, the default one or its own', async () => {
    const db = await bg.store();
    const expiry = addDays(today(), 40);
    const base = {
      expiry,
      capturedAt: Date.now(),
      source: 'manual' as const,
      pageUrl: null,
      programs: [],
      programsToUpdate: [],
      label: '',
      request: { state: 'not-asked' as const },
    };
    await bg.saveAccount(db, { ...base, address: 'cliente@pec.it', owner: 'Bar Sport', contact: '', leadDays: null });
    await bg.saveAccount(db, { ...base, address: 'altro@pec.it', owner: 'Ferramenta', contact: '', leadDays: 20 });
    await bg.saveAccount(db, { ...base, address: 'mia@pec.it', owner: '', contact: '', leadDays: null });
    await bg.reconcile();
    // Every reminder, each held from the midnight pass of the day before its own.
    const names = new Set<string>();
    for (const offset of [20, 14, 10, 7, 3, 1, 0])
      for (const name of await remindersHeldBefore(bg.onMidnight, addDays(expiry, -offset))) names.add(name);
    expect(names).toContain(`reminder|cliente@pec.it|${expiry}|10`);
    expect(names).toContain(`reminder|altro@pec.it|${expiry}|20`);
    expect([...names].filter((name) => name.startsWith('reminder|mia@pec.it|'))).toHaveLength(5);
  });
});

describe('the IndexedDB connection (issue 16)', () => {
  const setting = async () => (await bg.getSettings(await bg.store())).hour;

  it('is opened again when the browser closes it, instead of failing until the worker restarts', async () => {
    const first = await bg.store();
    // fake-indexeddb types its argument as its own class; the connection is one of its objects.
    forceCloseDatabase(unwrap(first) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    await bg.saveSettings(await bg.store(), { hour: 7 });
    expect(await bg.store()).not.toBe(first);
    expect(await setting()).toBe(7);
  });

  it('gives way to a deletion or an upgrade from elsewhere, and the next operation opens the database anew', async () => {
    await bg.saveSettings(await bg.store(), { hour: 7 });
    await new Promise<void>((resolve, reject) => {
      const deletion = indexedDB.deleteDatabase(bg.DB_NAME);
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error ?? new Error('deletion failed'));
      deletion.onblocked = () => reject(new Error('the background kept the database open: deletion blocked'));
    });
    expect(await setting()).toBe(9);
  });
});
