import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addDays, formatItalianDate, localToday } from '@/utils/calendar-date';
import type { ExpirySeen } from '@/utils/messages';
import { CANARY_PASSWORD } from '../fixtures/site';

// Each test gets an empty IndexedDB and fresh background modules (they cache the connection).
async function loadBackground() {
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  const [capture, reminders, guide, notifications, store, access] = await Promise.all([
    import('@/entrypoints/background/capture'),
    import('@/entrypoints/background/reminders'),
    import('@/entrypoints/background/guide-mode'),
    import('@/entrypoints/background/notifications'),
    import('@/utils/store'),
    import('@/entrypoints/background/store-access'),
  ]);
  return { ...capture, ...reminders, ...guide, ...notifications, ...store, store: access.store };
}

const today = () => localToday(new Date());

function seen(expiryText: string, address: string | null = 'mario.rossi@pec.it', fresh = true): ExpirySeen {
  return { type: 'expiry-seen', address, expiryText, source: 'webmail-dialog', fresh, pageUrl: 'https://webmail.pec.it/settings?sid=secret#x' };
}

let bg: Awaited<ReturnType<typeof loadBackground>>;
beforeEach(async () => {
  bg = await loadBackground();
});

describe('capture', () => {
  it('records the expiry, sets badge, title and one alarm per future reminder', async () => {
    const expiry = addDays(today(), 40);
    const result = await bg.handleExpirySeen(seen(`Scadenza ${formatItalianDate(expiry)}`));
    expect(result).toEqual({ status: 'recorded', address: 'mario.rossi@pec.it', expiry, offsets: [14, 7, 3, 1, 0] });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('40');
    expect(await fakeBrowser.action.getTitle({})).toContain(`mario.rossi@pec.it: scade il ${formatItalianDate(expiry)}`);
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
    expect(names.filter((n) => n.startsWith('reminder|'))).toHaveLength(5);
    expect(names).toContain('badge-midnight');
    const account = await bg.getAccount(await bg.store(), 'mario.rossi@pec.it');
    expect(account?.pageUrl).toBe('https://webmail.pec.it/settings');
  });

  it('reports an unreadable date and stores nothing', async () => {
    expect(await bg.handleExpirySeen(seen('Scadenza 31/02/2027'))).toEqual({ status: 'rejected', reason: 'impossible-date' });
    expect(await bg.listAccounts(await bg.store())).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('asks whose date it is when the page shows no mailbox, then records it for the answer', async () => {
    const expiry = addDays(today(), 90);
    expect(await bg.handleExpirySeen(seen(formatItalianDate(expiry), null))).toEqual({ status: 'needs-account', expiry });
    expect(await bg.assignPendingCapture('not an address')).toEqual({ status: 'invalid-address' });
    expect(await bg.assignPendingCapture(' Studio@PEC.it ')).toMatchObject({ status: 'recorded', address: 'studio@pec.it' });
    expect(await bg.getPendingCapture()).toBeNull();
    expect(await bg.assignPendingCapture('studio@pec.it')).toEqual({ status: 'nothing-pending' });
  });

  it('keeps no trace of a password that reached it by mistake', async () => {
    await bg.handleExpirySeen(seen(`${CANARY_PASSWORD} Scadenza ${formatItalianDate(addDays(today(), 30))}`));
    const everything = JSON.stringify([await bg.exportAll(await bg.store()), await fakeBrowser.storage.session.get(null)]);
    expect(everything).not.toContain(CANARY_PASSWORD);
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
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith('reminder|')).sort()).toEqual([
      `reminder|mario.rossi@pec.it|${expiry}|0`,
      `reminder|mario.rossi@pec.it|${expiry}|1`,
      `reminder|mario.rossi@pec.it|${expiry}|3`,
    ]);

    await fakeBrowser.notifications.clear(bg.notificationId('mario.rossi@pec.it', expiry));
    await Promise.all([bg.reconcile(later), bg.reconcile(later)]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
  });

  it('shows a due alarm once, with the account, date and days left', async () => {
    const expiry = addDays(today(), 21);
    await bg.handleExpirySeen(seen(formatItalianDate(expiry)));
    const name = `reminder|mario.rossi@pec.it|${expiry}|7`;
    const due = new Date(`${addDays(today(), 14)}T09:00:00`);
    await bg.onReminderAlarm(name, due);
    await bg.onReminderAlarm(name, due);
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toHaveLength(1);
    const options = fakeBrowser.notifications.getAllCreateOptions?.() ?? {};
    const [notification] = Object.values(options) as { title: string; message: string }[];
    expect(notification?.title).toContain('tra 7 giorni');
    expect(notification?.message).toContain(`mario.rossi@pec.it — scadenza ${formatItalianDate(expiry)}`);
  });

  it('an office: reminders due at the same moment make one summary notification, shown once', async () => {
    const expiry = addDays(today(), 10);
    for (const address of ['a@pec.it', 'b@pec.it', 'c@pec.it']) await bg.handleExpirySeen(seen(formatItalianDate(expiry), address));
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 40)), 'lontana@pec.it'));
    const due = new Date(`${addDays(today(), 7)}T09:00:00`);
    await bg.onReminderAlarm(`reminder|b@pec.it|${expiry}|3`, due);
    // The other two alarms of that moment may still go off: they were shown in the summary.
    await bg.onReminderAlarm(`reminder|a@pec.it|${expiry}|3`, due);
    await bg.onReminderAlarm(`reminder|c@pec.it|${expiry}|3`, due);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([bg.SUMMARY_NOTIFICATION_ID]);
    const [summary] = Object.values(fakeBrowser.notifications.getAllCreateOptions?.() ?? {}) as { title: string; message: string }[];
    expect(summary?.title).toBe('3 caselle scadono questa settimana');
    expect(summary?.message).toContain('b@pec.it');
    const names = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name);
    // The others' alarms are cleared; the one that went off is the browser's to drop.
    expect(names.filter((name) => name.endsWith('|3') && name.includes(expiry))).toEqual([`reminder|b@pec.it|${expiry}|3`]);
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
    const old = addDays(today(), 3);
    await bg.handleExpirySeen(seen(formatItalianDate(old)));
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 90))));
    await fakeBrowser.notifications.clear(bg.notificationId('mario.rossi@pec.it', old));
    await bg.onReminderAlarm(`reminder|mario.rossi@pec.it|${old}|3`);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
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

describe('renewal', () => {
  it('opens Gestione account with the guide started, until a new expiry is captured', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 63))));
    const { startRenewal } = await import('@/entrypoints/background/renewal');
    await startRenewal();
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

  it('opens the guided renewal when a reminder notification, or its "Rinnova ora" button, is clicked', async () => {
    await startBackground();
    await fakeBrowser.notifications.onClicked.trigger('notify|mario.rossi@pec.it|2027-02-15');
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain('https://account.aruba.it/pec'));
    await fakeBrowser.notifications.onButtonClicked.trigger('notify|mario.rossi@pec.it|2027-02-15', 0);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).filter((tab) => tab.url === 'https://account.aruba.it/pec')).toHaveLength(2),
    );
  });

  it('opens the due-list when the summary notification is clicked', async () => {
    await startBackground();
    await fakeBrowser.notifications.onClicked.trigger(bg.SUMMARY_NOTIFICATION_ID);
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContainEqual(expect.stringMatching(/\/due-list\.html$/)));
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

  it('answers only well-formed messages', async () => {
    await startBackground();
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'guide-mode', address: null }, {}, () => undefined);
    expect(await reply).toMatchObject({ mode: 'guide', reason: 'no-expiry', language: 'it', strings: { guideDismiss: 'Non ora' } });
    const [ignored] = await fakeBrowser.runtime.onMessage.trigger({ type: 'expiry-seen', expiryText: 42 }, {}, () => undefined);
    expect(ignored).toBeUndefined();
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
    await bg.showReminderNotification(hostile, addDays(today(), 3), new Date());
    const [options] = Object.values(fakeBrowser.notifications.getAllCreateOptions?.() ?? {}) as { message: string; type: string }[];
    expect(options?.type).toBe('basic');
    expect(options?.message.startsWith(`${hostile} — scadenza`)).toBe(true);
  });
});

describe('an office with many mailboxes', () => {
  it("keeps under Chrome's 500-alarm cap, the soonest reminders first", async () => {
    const db = await bg.store();
    for (let i = 0; i < 150; i++) {
      await bg.recordCapture(db, { address: `cliente${i}@pec.it`, expiry: addDays(today(), 20 + i), capturedAt: Date.now(), source: 'manual', pageUrl: null });
    }
    await bg.reconcile();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.length).toBeLessThanOrEqual(451);
    const reminders = alarms.filter((alarm) => alarm.name.startsWith('reminder|'));
    const latest = Math.max(...reminders.map((alarm) => alarm.scheduledTime));
    // Nothing sooner than the latest scheduled alarm was left out.
    const planned = 150 * 5;
    expect(reminders.length).toBeLessThan(planned);
    expect(reminders.some((alarm) => alarm.name === `reminder|cliente0@pec.it|${addDays(today(), 20)}|14`)).toBe(true);
    expect(latest).toBeLessThan(new Date(`${addDays(today(), 20 + 149)}T09:00:00`).getTime());
  });
});

describe('the clock', () => {
  it('after a sleep across midnight, the late midnight alarm brings the badge to the new day and aims at the next midnight', async () => {
    await bg.handleExpirySeen(seen(formatItalianDate(addDays(today(), 10))));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('10');
    // The machine slept three days; Chrome fires the overdue midnight alarm when it wakes.
    const woke = new Date(`${addDays(today(), 3)}T07:30:00`);
    await bg.reconcile(woke);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('7');
    const midnight = await fakeBrowser.alarms.get(bg.MIDNIGHT_ALARM);
    expect(midnight?.scheduledTime).toBe(new Date(`${addDays(today(), 4)}T00:00:00`).getTime());
  });
});

describe("an office's client", () => {
  it('gets a reminder at the lead time, the default one or its own', async () => {
    const db = await bg.store();
    const expiry = addDays(today(), 40);
    const base = { expiry, capturedAt: Date.now(), source: 'manual' as const, pageUrl: null, programs: [], programsToUpdate: [], label: '', request: { state: 'not-asked' as const } };
    await bg.saveAccount(db, { ...base, address: 'cliente@pec.it', owner: 'Bar Sport', contact: '', leadDays: null });
    await bg.saveAccount(db, { ...base, address: 'altro@pec.it', owner: 'Ferramenta', contact: '', leadDays: 20 });
    await bg.saveAccount(db, { ...base, address: 'mia@pec.it', owner: '', contact: '', leadDays: null });
    await bg.reconcile();
    const names = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name);
    expect(names).toContain(`reminder|cliente@pec.it|${expiry}|10`);
    expect(names).toContain(`reminder|altro@pec.it|${expiry}|20`);
    expect(names.filter((name) => name.startsWith('reminder|mia@pec.it|'))).toHaveLength(5);
  });
});
