import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addDays, formatItalianDate, localToday } from '@/utils/dates/calendar-date';
import { remindersHeld } from './held-reminders';
import { importStore } from './store-modules';

/**
 * The background as the other parts meet it: through runtime messages, each checked for who sent
 * it (entrypoints/background/messages.ts). From the wrong side every message is refused: no
 * answer, no effect.
 */

async function startBackground() {
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  const [{ default: background }, messages, store, access] = await Promise.all([
    import('@/entrypoints/background/index'),
    import('@/entrypoints/background/messages'),
    importStore(),
    import('@/entrypoints/background/store-access'),
  ]);
  background.main();
  const send = async (message: Record<string, unknown>, sender: object) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0];
  return { send, messages, store, db: await access.store() };
}

const today = () => localToday(new Date());

/** What the browser stamps on a message from our popup, from an Aruba tab's content script, and from elsewhere. */
const SENDERS = {
  popup: () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }),
  options: () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 9 } }),
  arubaTab: () => ({ id: fakeBrowser.runtime.id, url: 'https://webmail.pec.it/settings', tab: { id: 4 }, frameId: 0 }),
};

/** Senders that may not send content messages: our pages, frames, other sites, other extensions. */
const ELSEWHERE = {
  'a frame of an Aruba page': () => ({ ...SENDERS.arubaTab(), frameId: 3 }),
  'a page that is not Aruba': () => ({ id: fakeBrowser.runtime.id, url: 'https://aruba-pec.example/', tab: { id: 5 }, frameId: 0 }),
  'Aruba over plain http': () => ({ id: fakeBrowser.runtime.id, url: 'http://webmail.pec.it/', tab: { id: 5 }, frameId: 0 }),
  // The reseller's host is also a shop: only its WebMail is ours (issue 16 item 4).
  "the reseller's public site": () => ({ id: fakeBrowser.runtime.id, url: 'https://www.startpec.it/it/prodotti', tab: { id: 5 }, frameId: 0 }),
  'another extension': () => ({ id: 'other-extension', url: 'https://webmail.pec.it/', tab: { id: 5 }, frameId: 0 }),
  'no sender at all': () => ({}),
};
const NOT_CONTENT = { 'our popup': SENDERS.popup, 'our options page': SENDERS.options, ...ELSEWHERE };
const NOT_PAGE = { "an Aruba tab's content script": SENDERS.arubaTab, ...ELSEWHERE };

let bg: Awaited<ReturnType<typeof startBackground>>;
beforeEach(async () => {
  bg = await startBackground();
});

/** A mailbox tracked 20 days from expiry, so that a write to it would show. */
async function tracked() {
  const expiry = addDays(today(), 20);
  const account = {
    address: 'studio@pec.it',
    label: '',
    expiry,
    capturedAt: 1,
    source: 'manual' as const,
    pageUrl: null,
    programs: ['Outlook'],
    programsToUpdate: ['Outlook'],
    ...bg.store.NO_OFFICE_FIELDS,
  };
  expect(await bg.send({ type: 'restore-account', account }, SENDERS.popup())).toMatchObject({ ok: true });
  return account;
}

/** Everything the extension keeps, to compare before and after a refused message. */
async function everything() {
  return JSON.stringify([
    await bg.store.exportAll(bg.db),
    await bg.store.listAttributions(bg.db),
    await fakeBrowser.storage.session.get(null),
    await fakeBrowser.storage.local.get(null),
    (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort(),
    await fakeBrowser.action.getBadgeText({}),
  ]);
}

/** One message of each type, well formed: what the popup or a content script would send. */
const PAGE_MESSAGES: Record<string, Record<string, unknown>> = {
  'start-renewal': { address: 'studio@pec.it' },
  'move-capture': { from: 'studio@pec.it', to: 'altro@pec.it' },
  'save-manual-entry': { previous: null, entry: { address: 'nuova@pec.it', expiry: '2027-02-15', label: '', programs: [] } },
  'restore-account': {
    account: {
      address: 'nuova@pec.it',
      label: '',
      expiry: '2027-02-15',
      capturedAt: 1,
      source: 'manual',
      pageUrl: null,
      programs: [],
      programsToUpdate: [],
      owner: '',
      contact: '',
      leadDays: null,
      request: { state: 'not-asked' },
    },
  },
  'delete-account': { address: 'studio@pec.it' },
  'set-program-updated': { address: 'studio@pec.it', program: 'Outlook', updated: true },
  'mark-renewal-asked': { address: 'studio@pec.it' },
  'save-settings': { settings: { offsets: [3] } },
  'apply-import': { backup: { accounts: [], renewals: [], settings: { offsets: [2] } } },
  'clear-all': {},
};
const CONTENT_MESSAGES: Record<string, Record<string, unknown>> = {
  'guide-mode': { address: 'studio@pec.it', stage: 'loader' },
  'load-guide': {},
  'expiry-seen': {
    address: 'studio@pec.it',
    expiryText: formatItalianDate(addDays(localToday(new Date()), 80)),
    source: 'webmail-dialog',
    fresh: true,
  },
  'guide-dismissed': {},
};

describe('who may say what', () => {
  it('lists every message of the protocol here, so that none goes untested from the wrong side', () => {
    expect(Object.keys(PAGE_MESSAGES).sort()).toEqual([...bg.messages.PAGE_MESSAGE_TYPES].sort());
    expect(Object.keys(CONTENT_MESSAGES).sort()).toEqual([...bg.messages.CONTENT_MESSAGE_TYPES].sort());
  });

  describe.each(Object.entries(PAGE_MESSAGES))('%s, a command of our pages', (type, fields) => {
    it.each(Object.keys(NOT_PAGE))('from %s: refused, no answer, nothing changed', async (from) => {
      await tracked();
      const before = await everything();
      const created = vi.spyOn(fakeBrowser.tabs, 'create');
      expect(await bg.send({ type, ...fields }, NOT_PAGE[from as keyof typeof NOT_PAGE]())).toBeUndefined();
      expect(await everything()).toBe(before);
      expect(created).not.toHaveBeenCalled();
    });
  });

  describe.each(Object.entries(CONTENT_MESSAGES))('%s, a message of the content script', (type, fields) => {
    it.each(Object.keys(NOT_CONTENT))('from %s: refused, no answer, nothing changed', async (from) => {
      await tracked();
      const before = await everything();
      expect(await bg.send({ type, ...fields }, NOT_CONTENT[from as keyof typeof NOT_CONTENT]())).toBeUndefined();
      expect(await everything()).toBe(before);
    });
  });

  it('refuses a message of no known type, of the wrong shape, or that names an inherited property', async () => {
    await tracked();
    const before = await everything();
    for (const [message, sender] of [
      [{ type: 'accounts-changed' }, SENDERS.popup()],
      [{ type: 'toString' }, SENDERS.popup()],
      [{ type: '__proto__' }, SENDERS.arubaTab()],
      [{ type: 'start-renewal', address: 42 }, SENDERS.popup()],
      [{ type: 'expiry-seen', address: null, expiryText: 'x'.repeat(201), source: 'webmail-dialog', fresh: true }, SENDERS.arubaTab()],
      [{ type: 'expiry-seen', address: null, expiryText: '15/02/2027', source: 'manual', fresh: true }, SENDERS.arubaTab()],
      ['start-renewal', SENDERS.popup()],
      [null, SENDERS.popup()],
    ] as const) {
      expect(await bg.send(message as never, sender)).toBeUndefined();
    }
    expect(await everything()).toBe(before);
  });

  it("injects the guide into the asking page's own tab and top frame, never where the message says", async () => {
    const executeScript = vi.fn((_: unknown) => Promise.resolve([]));
    fakeBrowser.scripting.executeScript = executeScript;
    expect(await bg.send({ type: 'load-guide', tabId: 99, target: { tabId: 99, allFrames: true } }, SENDERS.arubaTab())).toBe(true);
    // Chrome names the sender's document: the guide goes into that one, not a page the tab showed since.
    expect(await bg.send({ type: 'load-guide' }, { ...SENDERS.arubaTab(), documentId: 'DOC-1' })).toBe(true);
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: 4, frameIds: [0] }, files: ['/aruba-guide.js'] }],
      [{ target: { tabId: 4, documentIds: ['DOC-1'] }, files: ['/aruba-guide.js'] }],
    ]);
    for (const sender of Object.values(NOT_CONTENT)) expect(await bg.send({ type: 'load-guide' }, sender())).toBeUndefined();
    expect(executeScript).toHaveBeenCalledTimes(2);
    // A tab that closed or left Aruba meanwhile: no guide, and the answer says so.
    executeScript.mockRejectedValueOnce(new Error('No tab with id: 4'));
    expect(await bg.send({ type: 'load-guide' }, SENDERS.arubaTab())).toBe(false);
  });

  it('answers the content script of an Aruba tab, taking the page URL from the sender, never from the message', async () => {
    const expiry = addDays(today(), 80);
    const answer = await bg.send(
      {
        type: 'expiry-seen',
        address: 'mario@pec.it',
        expiryText: formatItalianDate(expiry),
        source: 'webmail-dialog',
        fresh: false,
        pageUrl: 'https://evil.example/x',
      },
      { ...SENDERS.arubaTab(), url: 'https://webmail.pec.it/settings?sid=secret' },
    );
    expect(answer).toMatchObject({ status: 'recorded', mailbox: 'mario@pec.it', expiry });
    expect(await bg.store.getAccount(bg.db, 'mario@pec.it')).toMatchObject({ pageUrl: 'https://webmail.pec.it/settings' });
  });
});

describe('the background, the only writer: commands from our pages', () => {
  it('writes, and badge and alarms follow every write', async () => {
    const account = await tracked();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('20');
    // None of the default reminders is due in the next two days (alarmHorizon): no alarm yet.
    expect(await remindersHeld()).toEqual([]);
    expect(await bg.send({ type: 'save-settings', settings: { offsets: [19] } }, SENDERS.options())).toMatchObject({
      ok: true,
      value: { offsets: [19] },
    });
    expect(await remindersHeld()).toEqual([`reminder|studio@pec.it|${account.expiry}|19`]);

    expect(await bg.send({ type: 'set-program-updated', address: account.address, program: 'Outlook', updated: true }, SENDERS.popup())).toEqual({
      ok: true,
      value: null,
    });
    expect((await bg.store.getAccount(bg.db, account.address))?.programsToUpdate).toEqual([]);
    expect(await bg.send({ type: 'delete-account', address: account.address }, SENDERS.popup())).toMatchObject({
      ok: true,
      value: { address: account.address },
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).toEqual(['badge-midnight']);
  });

  it('a reset forgets, with the store, what the session knew of the mailboxes: the tabs and the renewal under way (issue 16)', async () => {
    await tracked();
    // A page of tab 4 named the mailbox, and a renewal was started for it.
    await bg.send({ type: 'guide-mode', address: 'studio@pec.it' }, SENDERS.arubaTab());
    await bg.send({ type: 'start-renewal', address: 'studio@pec.it' }, SENDERS.popup());
    /**
     * What the session knows of mailboxes; beside it, only the mark that the full pass of
     * reminders ran, and what the toolbar button shows (its title names the soonest mailboxes).
     */
    const known = async () =>
      Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) => key !== 'reconciledThisSession' && key !== 'toolbarShown');
    const onTheButton = async () => JSON.stringify(await fakeBrowser.storage.session.get('toolbarShown'));
    expect((await known()).sort()).toEqual(['renewal', 'tabContexts']);
    expect(await onTheButton()).toContain('studio@pec.it');

    expect(await bg.send({ type: 'clear-all' }, SENDERS.popup())).toEqual({ ok: true, value: null });
    expect(await known()).toEqual([]);
    expect(await onTheButton()).not.toContain('studio@pec.it');
    // The tab's next date, on a page that names no mailbox, is not given to the mailbox just deleted.
    const expiry = addDays(today(), 60);
    const answer = await bg.send(
      { type: 'expiry-seen', address: null, expiryText: formatItalianDate(expiry), source: 'webmail-security', fresh: false },
      SENDERS.arubaTab(),
    );
    expect(answer).toMatchObject({ status: 'recorded', mailbox: null, expiry });
  });

  it('refuses what the store refuses, saying why, and changes nothing', async () => {
    await tracked();
    const before = await everything();
    expect(await bg.send({ type: 'save-settings', settings: { offsets: [90] } }, SENDERS.options())).toEqual({ ok: false, error: 'invalid-offsets' });
    expect(
      await bg.send(
        { type: 'save-manual-entry', previous: null, entry: { address: 'non valido', expiry: '2027-02-15', label: '', programs: [] } },
        SENDERS.popup(),
      ),
    ).toEqual({
      ok: false,
      error: 'invalid-address',
    });
    expect(await everything()).toBe(before);
  });

  it('move-capture names a mailbox still to be named, and refuses a target that is no address', async () => {
    const expiry = addDays(today(), 60);
    await bg.send(
      { type: 'expiry-seen', address: null, expiryText: formatItalianDate(expiry), source: 'account-console', fresh: false },
      {
        ...SENDERS.arubaTab(),
        url: 'https://account.aruba.it/pec',
        tab: { id: 77 },
      },
    );
    const [unnamed] = await bg.store.listAccounts(bg.db);
    expect(await bg.send({ type: 'move-capture', from: unnamed!.address, to: 'unnamed:5' }, SENDERS.popup())).toEqual({ status: 'invalid-address' });
    expect(await bg.send({ type: 'move-capture', from: unnamed!.address, to: 'Studio@pec.it' }, SENDERS.popup())).toEqual({
      status: 'moved',
      address: 'studio@pec.it',
    });
    expect(await bg.store.listAccounts(bg.db)).toEqual([expect.objectContaining({ address: 'studio@pec.it', expiry })]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('60');
  });
});
