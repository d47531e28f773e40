import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addDays, formatItalianDate, localDateTime, localToday } from '@/utils/dates/calendar-date';
import { NO_OFFICE_FIELDS, type Account } from '@/utils/store/types';
import { importStore } from './store-modules';

/*
 * Issue 17's budget for the background (≤ 10 ms of worker CPU per capture and per alarm) among an
 * office's 200 mailboxes: what a capture and the midnight alarm may ask of the plan, the store and
 * the alarms API. A capture changes one mailbox: it plans that one, touches its alarms and its
 * fired keys only. Midnight changes the day: badge, the alarms of the day entering the horizon, the
 * reminders missed; what is in line stays as it is.
 */

// Spies over the real functions, to count what a capture and midnight ask of them.
vi.mock('@/utils/reminders/reminder-plan', { spy: true });
vi.mock('@/utils/i18n/catalog', { spy: true });

const ACCOUNTS = 200;
const MAILBOX = 'casella006@pec.it';
/** Its password expires in 4 days: its 3-day reminder, tomorrow at 9:00, holds an alarm (alarmHorizon). */
const DUE_SOON = 'casella063@pec.it';

async function loadBackground() {
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  const [capture, reminders, guide, store, access, plan, catalog] = await Promise.all([
    import('@/entrypoints/background/capture'),
    import('@/entrypoints/background/reminders'),
    import('@/entrypoints/background/guide-mode'),
    importStore(),
    import('@/entrypoints/background/store-access'),
    import('@/utils/reminders/reminder-plan'),
    import('@/utils/i18n/catalog'),
  ]);
  return {
    ...capture,
    ...reminders,
    ...guide,
    ...store,
    store: access.store,
    spies: { planReminders: vi.mocked(plan.planReminders), messagesOf: vi.mocked(catalog.messagesOf) },
  };
}

const today = () => localToday(new Date());
/** 10:00 today: after the day's reminders (at 9:00), long before the next midnight. */
const morning = () => localDateTime(today(), 10);

/** An office's 200 mailboxes, as the bench has them: expiries from a month past to a year ahead, one in ten without, every fourth a client's. */
function officeAccounts(): Account[] {
  return Array.from({ length: ACCOUNTS }, (_, index): Account => ({
    ...NO_OFFICE_FIELDS,
    address: `casella${String(index + 1).padStart(3, '0')}@pec.it`,
    label: '',
    expiry: index % 10 === 9 ? null : addDays(today(), -30 + ((index * 7) % 400)),
    capturedAt: morning().getTime() - 86_400_000,
    source: 'manual',
    pageUrl: null,
    programs: [],
    programsToUpdate: [],
    ...(index % 4 === 1 ? { owner: `Cliente ${index + 1}` } : {}),
  }));
}

/** Every alarms API call, store read, storage read and badge call made while `work` runs. */
async function counting(work: () => Promise<unknown>) {
  const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
  const get = vi.spyOn(IDBObjectStore.prototype, 'get');
  const sessionGet = vi.spyOn(fakeBrowser.storage.session, 'get');
  const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
  const badgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
  const badgeColor = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor');
  const alarmsRead = vi.spyOn(fakeBrowser.alarms, 'getAll');
  for (const spy of [getAll, get, sessionGet, localGet, badgeText, badgeColor, alarmsRead]) spy.mockClear();
  const create = vi.spyOn(fakeBrowser.alarms, 'create');
  const clear = vi.spyOn(fakeBrowser.alarms, 'clear');
  const cursor = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
  const allKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
  const setTitle = vi.spyOn(fakeBrowser.action, 'setTitle');
  setTitle.mockClear();
  const { planReminders: planned, messagesOf: messages } = bg.spies;
  planned.mockClear();
  messages.mockClear();
  await work();
  const isFired = (store: unknown) => (store as IDBObjectStore).name === 'firedReminders';
  const firedReads = [...cursor.mock.contexts, ...allKeys.mock.contexts].filter(isFired).length;
  return {
    creates: create.mock.calls.map(([name]) => String(name)),
    clears: clear.mock.calls.map(([name]) => String(name)),
    firedReads,
    /** The most mailboxes one planReminders call planned. */
    plannedMailboxes: Math.max(0, ...planned.mock.calls.map(([tracked]) => new Set(tracked.map((t) => t.address)).size)),
    catalogLoads: messages.mock.calls.length,
    titles: setTitle.mock.calls.length,
    badgeTexts: badgeText.mock.calls.length,
    badgeColors: badgeColor.mock.calls.length,
    accountReads: getAll.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'accounts').length,
    settingsReads: get.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'settings').length,
    storageReads: sessionGet.mock.calls.length + localGet.mock.calls.length,
    alarmReads: alarmsRead.mock.calls.length,
  };
}

const reminderAlarms = async () => (await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.name.startsWith('reminder|'));

let bg: Awaited<ReturnType<typeof loadBackground>>;
beforeEach(async () => {
  bg = await loadBackground();
  const db = await bg.store();
  for (const account of officeAccounts()) await bg.saveAccount(db, account);
  await bg.saveSettings(db, { language: 'en' });
  await bg.reconcile(morning());
});

describe('a capture among 200 mailboxes', () => {
  it('plans that mailbox alone: its alarm of tomorrow goes, its new reminders are months away, no other alarm moves', async () => {
    const before = (await reminderAlarms()).map((alarm) => alarm.name).sort();
    const own = before.filter((name) => name.startsWith(`reminder|${DUE_SOON}|`));
    expect(own).toEqual([`reminder|${DUE_SOON}|3`]);
    const expiry = addDays(today(), 90);
    const seen = { address: DUE_SOON, expiryText: `Scadenza ${formatItalianDate(expiry)}`, source: 'webmail-dialog' as const, fresh: true };

    const work = await counting(() => bg.handleExpirySeen(seen, { tabId: 1, url: new URL('https://webmail.pec.it/') }, morning()));

    expect(work.plannedMailboxes).toBe(1);
    // The alarms held as the last pass left them, followed since: not read again.
    expect(work.alarmReads).toBe(0);
    // The fired keys are read once at most, and kept until the next write to them.
    expect(work.firedReads).toBeLessThanOrEqual(1);
    expect(work.catalogLoads).toBe(0);
    expect(work.creates).toEqual([]);
    expect(work.clears).toEqual(own);
    expect((await reminderAlarms()).map((alarm) => alarm.name).sort()).toEqual(before.filter((name) => !own.includes(name)));
    // The badge follows: the mailbox was and stays among those further off, counted and not named,
    // so the title is the same and is not set again (the ten soonest are named).
    expect(work.titles).toBe(0);
  });

  it('after the page asked how to behave, reads neither the accounts (it knows what it wrote), nor settings, nor the storage it keeps itself', async () => {
    const tab = { tabId: 1, url: new URL('https://webmail.pec.it/') };
    // The soonest of all, expired a month ago: named in the title.
    const mailbox = 'casella001@pec.it';
    // The page's loader asks first, in the same service worker, moments before the date is read.
    await bg.guideModeFor(mailbox, tab.tabId, morning());
    const expiry = addDays(today(), 90);
    const seen = { address: mailbox, expiryText: `Scadenza ${formatItalianDate(expiry)}`, source: 'webmail-dialog' as const, fresh: true };

    const work = await counting(() => bg.handleExpirySeen(seen, tab, morning()));

    expect(work.accountReads).toBe(0);
    expect(work.settingsReads).toBe(0);
    expect(work.storageReads).toBe(0);
    // Other mailboxes have expired too: the badge still says «!», in the same color; only the title changes.
    expect([work.badgeTexts, work.badgeColors, work.titles]).toEqual([0, 0, 1]);
  });

  it('knows the accounts as stored after captures that overlap, of two mailboxes and of one twice, and after a write of another kind', async () => {
    const { storedAccounts } = await import('@/entrypoints/background/store-access');
    const stored = async () => bg.listAccounts(await bg.store());
    const tab = (tabId: number) => ({ tabId, url: new URL('https://webmail.pec.it/') });
    const read = (address: string, days: number) => ({
      address,
      expiryText: `Scadenza ${formatItalianDate(addDays(today(), days))}`,
      source: 'webmail-dialog' as const,
      fresh: true,
    });
    await storedAccounts();
    await Promise.all([
      bg.handleExpirySeen(read(MAILBOX, 90), tab(1), morning()),
      bg.handleExpirySeen(read(DUE_SOON, 91), tab(2), morning()),
      bg.handleExpirySeen(read(DUE_SOON, 92), tab(3), localDateTime(today(), 11)),
      bg.handleExpirySeen(read('nuova@pec.it', 93), tab(4), morning()),
    ]);
    expect(await storedAccounts()).toEqual(await stored());
    expect((await storedAccounts()).find((account) => account.address === DUE_SOON)?.expiry).toBe(addDays(today(), 92));
    await bg.deleteAccount(await bg.store(), 'nuova@pec.it');
    expect(await storedAccounts()).toEqual(await stored());
  });

  it('of the date already stored (each visit to the page shows it again) leaves reminders and badge as they are, unread', async () => {
    const tab = { tabId: 1, url: new URL('https://webmail.pec.it/') };
    const [stored] = (await bg.listAccounts(await bg.store())).filter((account) => account.address === MAILBOX);
    const seen = { address: MAILBOX, expiryText: `Scadenza ${formatItalianDate(stored!.expiry!)}`, source: 'webmail-dialog' as const, fresh: false };
    const alarms = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();

    const work = await counting(() => bg.handleExpirySeen(seen, tab, morning()));

    expect(work).toMatchObject({
      alarmReads: 0,
      creates: [],
      clears: [],
      firedReads: 0,
      plannedMailboxes: 0,
      badgeTexts: 0,
      badgeColors: 0,
      titles: 0,
    });
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort()).toEqual(alarms);
    // What the page showed is still recorded: when and where it was read.
    const [after] = (await bg.listAccounts(await bg.store())).filter((account) => account.address === MAILBOX);
    expect(after).toMatchObject({
      expiry: stored!.expiry,
      capturedAt: morning().getTime(),
      source: 'webmail-dialog',
      pageUrl: 'https://webmail.pec.it/',
    });
  });

  it('ends with the alarms a full reconcile would hold', async () => {
    const expiry = addDays(today(), 90);
    const seen = { address: MAILBOX, expiryText: `Scadenza ${formatItalianDate(expiry)}`, source: 'webmail-dialog' as const, fresh: true };
    await bg.handleExpirySeen(seen, { tabId: 1, url: new URL('https://webmail.pec.it/') }, morning());
    const incremental = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
    await bg.reconcile(morning());
    const full = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
    expect(incremental.filter((name) => !full.includes(name))).toEqual([]);
    expect(full.length - incremental.length).toBeLessThanOrEqual(1);
  });

  it('counts as held exactly the alarms the browser holds, after reminders fired (the browser drops their alarms) and a capture', async () => {
    const { knownAlarms } = await import('@/entrypoints/background/held-alarms');
    const names = async () => (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
    const soonest = (await reminderAlarms()).sort((a, b) => a.scheduledTime - b.scheduledTime).slice(0, 3);
    for (const alarm of soonest) {
      // As the browser does: the alarm is gone when its event arrives.
      await fakeBrowser.alarms.clear(alarm.name);
      await bg.onReminderAlarm(alarm, new Date(alarm.scheduledTime));
    }
    expect((await knownAlarms()).map((alarm) => alarm.name).sort()).toEqual(await names());
    const expiry = addDays(today(), 90);
    const seen = { address: MAILBOX, expiryText: `Scadenza ${formatItalianDate(expiry)}`, source: 'webmail-dialog' as const, fresh: true };
    await bg.handleExpirySeen(seen, { tabId: 1, url: new URL('https://webmail.pec.it/') }, morning());
    expect((await knownAlarms()).map((alarm) => alarm.name).sort()).toEqual(await names());
  });

  it("forgets the snooze of the mailbox's earlier expiry, and keeps another mailbox's", async () => {
    const [old] = (await bg.listAccounts(await bg.store())).filter((account) => account.address === MAILBOX);
    await bg.snooze(MAILBOX, old!.expiry!, morning());
    await bg.snooze('casella007@pec.it', addDays(today(), 12), morning());
    const expiry = addDays(today(), 90);
    const seen = { address: MAILBOX, expiryText: `Scadenza ${formatItalianDate(expiry)}`, source: 'webmail-dialog' as const, fresh: true };
    await bg.handleExpirySeen(seen, { tabId: 1, url: new URL('https://webmail.pec.it/') }, morning());
    const names = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name);
    expect(names.filter((name) => name.startsWith('snooze|'))).toEqual([`snooze|casella007@pec.it|${addDays(today(), 12)}`]);
    const { snoozes } = await fakeBrowser.storage.local.get<{ snoozes: object }>('snoozes');
    expect(Object.keys(snoozes)).toEqual([`snooze|casella007@pec.it|${addDays(today(), 12)}`]);
  });
});

describe('the midnight alarm among 200 mailboxes', () => {
  it('with nothing fired since, moves nothing in line: the alarms of the day entering the horizon and the midnight alarm, no fired key walked, no catalog loaded', async () => {
    await fakeBrowser.alarms.clear(bg.MIDNIGHT_ALARM);
    const midnight = localDateTime(addDays(today(), 1), 0);
    const held = (await reminderAlarms()).map((alarm) => alarm.name).sort();

    const work = await counting(() => bg.onMidnight(midnight));

    const created = (await reminderAlarms()).filter((alarm) => !held.includes(alarm.name));
    expect(created.length).toBeGreaterThan(0);
    for (const alarm of created) expect(alarm.scheduledTime).toBe(localDateTime(addDays(today(), 2), 9).getTime());
    expect(work.creates.sort()).toEqual([bg.MIDNIGHT_ALARM, ...created.map((alarm) => alarm.name)].sort());
    expect(work.clears).toEqual([]);
    expect(work.firedReads).toBeLessThanOrEqual(1);
    expect(work.catalogLoads).toBe(0);
  });

  it('in a worker that is awake, reads neither the store nor the storage it keeps itself again, nor plans again', async () => {
    await fakeBrowser.alarms.clear(bg.MIDNIGHT_ALARM);
    const work = await counting(() => bg.onMidnight(localDateTime(addDays(today(), 1), 0)));
    expect([work.accountReads, work.settingsReads, work.storageReads]).toEqual([0, 0, 0]);
    // Nothing was written since the last pass: the plan made then still holds.
    expect(work.plannedMailboxes).toBe(0);
  });

  it('after a capture of the date already stored (a write, but no reminder moved), reads and plans nothing again', async () => {
    const [stored] = (await bg.listAccounts(await bg.store())).filter((account) => account.address === MAILBOX);
    const seen = { address: MAILBOX, expiryText: `Scadenza ${formatItalianDate(stored!.expiry!)}`, source: 'webmail-dialog' as const, fresh: false };
    await bg.handleExpirySeen(seen, { tabId: 1, url: new URL('https://webmail.pec.it/') }, morning());
    await fakeBrowser.alarms.clear(bg.MIDNIGHT_ALARM);
    const work = await counting(() => bg.onMidnight(localDateTime(addDays(today(), 1), 0)));
    expect(work.accountReads).toBe(0);
    expect(work.plannedMailboxes).toBe(0);
  });

  it("after the day's reminders fired, gives the day entering the horizon its alarms: what a full pass holds", async () => {
    const tomorrow = addDays(today(), 1);
    await bg.onMidnight(localDateTime(tomorrow, 0));
    const dueTomorrow = (await reminderAlarms()).filter((alarm) => alarm.scheduledTime === localDateTime(tomorrow, 9).getTime());
    expect(dueTomorrow.length).toBeGreaterThan(0);
    for (const alarm of dueTomorrow) {
      await fakeBrowser.alarms.clear(alarm.name);
      await bg.onReminderAlarm(alarm, new Date(alarm.scheduledTime));
    }
    await fakeBrowser.alarms.clear(bg.MIDNIGHT_ALARM);
    const after = localDateTime(addDays(today(), 2), 0);

    const work = await counting(() => bg.onMidnight(after));

    const dayAfter = localDateTime(addDays(today(), 3), 9).getTime();
    const entering = (await reminderAlarms()).filter((alarm) => alarm.scheduledTime === dayAfter).map((alarm) => alarm.name);
    expect(entering.length).toBeGreaterThan(0);
    expect(work.creates.filter((name) => name !== bg.MIDNIGHT_ALARM).sort()).toEqual(entering.sort());
    const topped = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
    await bg.reconcile(after);
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort()).toEqual(topped);
  });
});

describe('the toolbar button’s title for an office', () => {
  it('names the ten soonest expiries and counts the others, rather than 200 lines no tooltip shows', async () => {
    const title = await fakeBrowser.action.getTitle({});
    const lines = title.split('\n');
    // The extension's name, ten mailboxes, and how many more the popup lists.
    expect(lines).toHaveLength(12);
    const tracked = officeAccounts().filter((account) => account.expiry).length;
    // In the language this file's modules speak (its catalog spy outlives their reloads): the count, in either.
    expect([
      `… and ${tracked - 10} more mailboxes: the full list is in the popup.`,
      `… e altre ${tracked - 10} caselle: l'elenco completo è nel popup.`,
    ]).toContain(lines.at(-1));
    const soonest = officeAccounts()
      .flatMap((account) => (account.expiry ? [account] : []))
      .sort((a, b) => a.expiry!.localeCompare(b.expiry!) || a.address.localeCompare(b.address))
      .slice(0, 10);
    expect(lines.slice(1, 11).map((line) => line.split(':')[0])).toEqual(soonest.map((account) => account.address));
  });
});
