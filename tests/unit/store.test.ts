import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  addUnnamedMailbox,
  deleteAccount,
  getAccount,
  listAccounts,
  listAttributions,
  listRenewals,
  markRenewalAsked,
  moveCapture,
  recordCapture,
  saveAccount,
  setProgramUpdated,
} from '@/utils/store/accounts';
import { clearAll, exportAll } from '@/utils/store/transfer';
import { DB_VERSION, openStore } from '@/utils/store/schema';
import { DEFAULT_SETTINGS, NO_OFFICE_FIELDS, type Account, type Capture, type Settings } from '@/utils/store/types';
import { deleteFiredReminders, getFiredReminders, markRemindersFired } from '@/utils/store/fired-reminders';
import { getSettings, saveSettings } from '@/utils/store/settings';
import { mailboxKey, normalizeAddress } from '@/utils/store/validation';
import { isUnnamedMailbox } from '@/utils/store/unnamed-mailbox';
import { createV1Database, v1Accounts } from '../fixtures/store-v1';
import { createV3Database, v3 } from '../fixtures/store-v3';
import { CANARY_PASSWORD } from '../harness/site';
import { openTestStore } from './test-store';

const open = openTestStore;

const ADDRESS = 'studio.rossi@pec.it';

function capture(overrides: Partial<Capture> = {}): Capture {
  return {
    address: ADDRESS,
    expiry: '2025-06-30',
    capturedAt: 1_000,
    source: 'webmail-dialog',
    pageUrl: 'https://webmail.pec.it/new/settings',
    ...overrides,
  };
}

function account(overrides: Partial<Account> = {}): Account {
  return {
    address: ADDRESS,
    label: 'Studio',
    expiry: '2025-06-30',
    capturedAt: 1_000,
    source: 'manual',
    pageUrl: null,
    programs: ['Outlook', 'Fatture in Cloud'],
    programsToUpdate: [],
    ...NO_OFFICE_FIELDS,
    ...overrides,
  };
}

const byAddress = (a: { address: string }, b: { address: string }) => a.address.localeCompare(b.address);

describe('openStore', () => {
  it('creates a new database at the current version with every store', async () => {
    const db = await open();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'attributions', 'firedReminders', 'renewals', 'settings']);
    expect(await listAccounts(db)).toEqual([]);
  });

  it('upgrades a version 1 database without dropping a record, filling the new fields', async () => {
    const name = crypto.randomUUID();
    await createV1Database(name);
    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect((await listAccounts(db)).sort(byAddress)).toEqual(
      v1Accounts.map((v1) => ({ ...v1, label: '', pageUrl: null, programs: [], programsToUpdate: [], ...NO_OFFICE_FIELDS })).sort(byAddress),
    );
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('upgrades a version 2 database: every account gets empty office fields, nothing else changes', async () => {
    const name = crypto.randomUUID();
    const v2Account = {
      address: ADDRESS,
      label: 'Studio',
      expiry: '2027-02-15',
      capturedAt: 5,
      source: 'manual',
      pageUrl: null,
      programs: ['Outlook'],
      programsToUpdate: [],
    };
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('accounts', { keyPath: 'address' });
        db.createObjectStore('renewals', { keyPath: 'id', autoIncrement: true }).createIndex('byAddress', 'address');
        db.createObjectStore('firedReminders', { keyPath: 'key' });
        db.createObjectStore('settings');
      },
    });
    await v2.put('accounts', v2Account);
    await v2.put('settings', { offsets: [7], hour: 8, quietChip: true, language: 'it' }, 'current');
    v2.close();
    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await listAccounts(db)).toEqual([{ ...v2Account, owner: '', contact: '', leadDays: null, request: { state: 'not-asked' } }]);
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, offsets: [7], hour: 8, language: 'it', officeLeadDays: 10 });
  });

  it('upgrades a version 3 database: every account, renewal, fired reminder and setting kept, no attribution yet', async () => {
    const name = crypto.randomUUID();
    await createV3Database(name);
    const db = await open(name);
    expect(db.version).toBe(4);
    expect((await listAccounts(db)).sort(byAddress)).toEqual([...v3.accounts].sort(byAddress));
    expect(await listRenewals(db, 'studio.rossi@pec.it')).toEqual(v3.renewals.map((renewal) => ({ ...renewal, id: expect.any(Number) })));
    expect(await getFiredReminders(db)).toEqual(new Set(v3.firedReminders.map((fired) => fired.key)));
    // Settings store no version of their own: a field added since (namesInNotifications) reads as its default.
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, ...v3.settings });
    expect(await listAttributions(db)).toEqual([]);
    // The upgraded store takes what version 3 could not hold: a mailbox still to be named.
    const unnamed = await addUnnamedMailbox(db, { expiry: '2027-03-01', capturedAt: 5, source: 'account-console', pageUrl: null });
    expect(await getAccount(db, unnamed.address)).toMatchObject({ expiry: '2027-03-01' });
  });

  it('lets an upgraded account be renewed like any other', async () => {
    const name = crypto.randomUUID();
    await createV1Database(name);
    const db = await open(name);
    const [first] = v1Accounts;
    if (!first) throw new Error('The v1 fixture has no account');
    await recordCapture(db, capture({ address: first.address, expiry: '2099-01-01', capturedAt: first.capturedAt + 1 }));
    expect(await listRenewals(db, first.address)).toHaveLength(1);
  });

  it('reopens an up-to-date database unchanged', async () => {
    const name = crypto.randomUUID();
    const first = await openStore(name);
    await recordCapture(first, capture());
    first.close();
    const db = await open(name);
    expect(await listAccounts(db)).toHaveLength(1);
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['  Studio.Rossi@PEC.it ', 'studio.rossi@pec.it'],
    ['segreteria.rossi', 'segreteria.rossi'],
    ['Utente_2', 'utente_2'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(['', '   ', 'studio rossi@pec.it', 'a|b@pec.it', 'segreteria|rossi', '@pec.it', 'rossi@', 'a@b@c', 'unnamed:1700000000000', 'Unnamed:1'])(
    'refuses %j',
    (raw) => {
      expect(normalizeAddress(raw)).toBeNull();
    },
  );

  it('keys a mailbox still to be named apart from every address', () => {
    expect(mailboxKey('unnamed:1700000000000')).toBe('unnamed:1700000000000');
    expect(mailboxKey(' Studio@PEC.it')).toBe('studio@pec.it');
    expect(mailboxKey('unnamed:x')).toBeNull();
  });
});

describe('a mailbox still to be named', () => {
  const read = { expiry: '2027-02-15', capturedAt: 7_000, source: 'account-console' as const, pageUrl: 'https://account.aruba.it/pec?code=x' };

  it('is tracked at once under a key that is not an address, one per date read', async () => {
    const db = await open();
    const [first, second] = await Promise.all([addUnnamedMailbox(db, read), addUnnamedMailbox(db, read)]);
    expect(first.address).not.toBe(second.address);
    for (const account of [first, second]) {
      expect(isUnnamedMailbox(account.address)).toBe(true);
      expect(normalizeAddress(account.address)).toBeNull();
      expect(account).toMatchObject({ expiry: '2027-02-15', pageUrl: 'https://account.aruba.it/pec', programs: [], ...NO_OFFICE_FIELDS });
    }
    expect(await listAccounts(db)).toHaveLength(2);
  });

  it('takes a later capture, is deleted and restored like any account', async () => {
    const db = await open();
    const { address } = await addUnnamedMailbox(db, read);
    await recordCapture(db, capture({ address, expiry: '2027-05-15', capturedAt: 8_000 }));
    expect(await listRenewals(db, address)).toHaveLength(1);
    const deleted = await deleteAccount(db, address);
    expect(await listAccounts(db)).toEqual([]);
    await saveAccount(db, deleted!);
    expect(await getAccount(db, address)).toMatchObject({ expiry: '2027-05-15' });
  });
});

describe('attribution and correction', () => {
  const WRONG = 'sbagliata@pec.it';
  const RIGHT = 'giusta@pec.it';

  it('keeps what an account held before an expiry attributed from context, across attributed captures', async () => {
    const db = await open();
    await saveAccount(db, account({ address: WRONG, expiry: '2026-12-01', programs: ['Outlook'] }));
    await recordCapture(db, capture({ address: WRONG, expiry: '2027-01-10', capturedAt: 2_000, attributedBy: 'opener' }));
    await recordCapture(db, capture({ address: WRONG, expiry: '2027-03-01', capturedAt: 3_000, attributedBy: 'tab' }));
    expect(await listAttributions(db)).toEqual([
      {
        address: WRONG,
        by: 'tab',
        before: { expiry: '2026-12-01', capturedAt: 1_000, source: 'manual', pageUrl: null, programsToUpdate: [], request: { state: 'not-asked' } },
      },
    ]);
    // A page that names the mailbox settles it.
    await recordCapture(db, capture({ address: WRONG, expiry: '2027-03-01', capturedAt: 4_000 }));
    expect(await listAttributions(db)).toEqual([]);
  });

  it('a correction moves the expiry to the right mailbox and gives the wrong one back its own, history included', async () => {
    const db = await open();
    await saveAccount(db, account({ address: WRONG, expiry: '2026-12-01', programs: ['Outlook'], owner: 'Studio', capturedAt: 1_000 }));
    await saveAccount(db, account({ address: RIGHT, expiry: '2026-11-30', programs: ['Thunderbird'], capturedAt: 500 }));
    await recordCapture(db, capture({ address: WRONG, expiry: '2027-01-10', capturedAt: 2_000, attributedBy: 'renewal' }));
    await recordCapture(db, capture({ address: WRONG, expiry: '2027-03-01', capturedAt: 3_000, source: 'account-console', attributedBy: 'renewal' }));
    expect(await listRenewals(db, WRONG)).toHaveLength(2);

    const outcome = await moveCapture(db, WRONG, ' Giusta@PEC.it ');
    expect(outcome).toMatchObject({
      status: 'moved',
      account: { address: RIGHT, expiry: '2027-03-01' },
      restored: { address: WRONG, expiry: '2026-12-01' },
    });
    expect(await getAccount(db, WRONG)).toEqual(
      account({ address: WRONG, expiry: '2026-12-01', programs: ['Outlook'], owner: 'Studio', capturedAt: 1_000 }),
    );
    expect(await listRenewals(db, WRONG)).toEqual([]);
    expect(await getAccount(db, RIGHT)).toMatchObject({
      expiry: '2027-03-01',
      capturedAt: 3_000,
      source: 'account-console',
      programs: ['Thunderbird'],
      programsToUpdate: ['Thunderbird'],
      request: { state: 'renewed', at: 3_000 },
    });
    expect(await listRenewals(db, RIGHT)).toEqual([expect.objectContaining({ expiry: '2027-03-01', capturedAt: 3_000 })]);
    expect(await listAttributions(db)).toEqual([]);
    // Nothing left to undo.
    expect(await moveCapture(db, WRONG, RIGHT)).toEqual({ status: 'nothing-to-move' });
  });

  it('a correction of an account the attributed capture created moves it whole', async () => {
    const db = await open();
    await recordCapture(db, capture({ address: WRONG, capturedAt: 2_000, attributedBy: 'only-mailbox' }));
    expect(await moveCapture(db, WRONG, RIGHT)).toMatchObject({ status: 'moved', restored: null });
    expect((await listAccounts(db)).map((a) => a.address)).toEqual([RIGHT]);
  });

  it('naming a mailbox still to be named makes it that address, with its history', async () => {
    const db = await open();
    const { address } = await addUnnamedMailbox(db, { expiry: '2027-02-15', capturedAt: 2_000, source: 'webmail-dialog', pageUrl: null });
    await recordCapture(db, capture({ address, expiry: '2027-05-15', capturedAt: 3_000 }));
    expect(await moveCapture(db, address, RIGHT)).toMatchObject({ status: 'moved', account: { address: RIGHT, expiry: '2027-05-15' } });
    expect((await listAccounts(db)).map((a) => a.address)).toEqual([RIGHT]);
    expect(await listRenewals(db, RIGHT)).toEqual([expect.objectContaining({ address: RIGHT, expiry: '2027-05-15' })]);
    expect(await listRenewals(db, address)).toEqual([]);
  });

  it('naming it after an address already tracked merges the two: newest capture, both lists of programs, the office fields filled in', async () => {
    const db = await open();
    await saveAccount(
      db,
      account({
        address: RIGHT,
        label: '',
        expiry: '2026-12-01',
        capturedAt: 1_000,
        programs: ['Outlook'],
        owner: '',
        contact: 'cliente@example.com',
        leadDays: 12,
      }),
    );
    const { address } = await addUnnamedMailbox(db, { expiry: '2027-03-01', capturedAt: 5_000, source: 'account-console', pageUrl: null });
    await saveAccount(db, { ...(await getAccount(db, address))!, label: 'Archivio', programs: ['Thunderbird'], owner: 'Bar Sport', leadDays: 5 });
    await moveCapture(db, address, RIGHT);
    expect(await listAccounts(db)).toEqual([
      {
        ...account({ address: RIGHT }),
        label: 'Archivio',
        expiry: '2027-03-01',
        capturedAt: 5_000,
        source: 'account-console',
        programs: ['Outlook', 'Thunderbird'],
        programsToUpdate: ['Outlook', 'Thunderbird'],
        owner: 'Bar Sport',
        contact: 'cliente@example.com',
        leadDays: 12,
        request: { state: 'renewed', at: 5_000 },
      },
    ]);
    expect(await listRenewals(db, RIGHT)).toEqual([expect.objectContaining({ expiry: '2027-03-01' })]);
  });

  it('an older date named after a tracked address leaves its newer expiry in place', async () => {
    const db = await open();
    await saveAccount(db, account({ address: RIGHT, expiry: '2027-06-01', capturedAt: 9_000 }));
    const { address } = await addUnnamedMailbox(db, { expiry: '2027-03-01', capturedAt: 5_000, source: 'account-console', pageUrl: null });
    await moveCapture(db, address, RIGHT);
    expect(await getAccount(db, RIGHT)).toMatchObject({ expiry: '2027-06-01', capturedAt: 9_000 });
    expect(await listAccounts(db)).toHaveLength(1);
  });

  it.each(['unnamed:5', 'non è un indirizzo', ''])('never moves a date to %j', async (target) => {
    const db = await open();
    const { address } = await addUnnamedMailbox(db, { expiry: '2027-03-01', capturedAt: 5, source: 'account-console', pageUrl: null });
    await expect(moveCapture(db, address, target)).rejects.toMatchObject({ code: 'invalid-address' });
    expect(await listAccounts(db)).toEqual([expect.objectContaining({ address })]);
  });

  it('has nothing to move from an account read on a page that named it, or from nowhere', async () => {
    const db = await open();
    await recordCapture(db, capture({ address: WRONG }));
    expect(await moveCapture(db, WRONG, RIGHT)).toEqual({ status: 'nothing-to-move' });
    expect(await moveCapture(db, 'nessuna@pec.it', RIGHT)).toEqual({ status: 'nothing-to-move' });
    expect(await getAccount(db, RIGHT)).toBeUndefined();
  });

  it('an edit, a deletion or a reset forgets the attribution', async () => {
    const db = await open();
    for (const address of ['a@pec.it', 'b@pec.it', 'c@pec.it']) await recordCapture(db, capture({ address, attributedBy: 'tab' }));
    await saveAccount(db, (await getAccount(db, 'a@pec.it'))!);
    await deleteAccount(db, 'b@pec.it');
    expect((await listAttributions(db)).map((a) => a.address)).toEqual(['c@pec.it']);
    await clearAll(db);
    expect(await listAttributions(db)).toEqual([]);
  });
});

describe('recordCapture', () => {
  it('creates the account from the first capture', async () => {
    const db = await open();
    const result = await recordCapture(
      db,
      capture({ address: ' Studio.Rossi@PEC.it', pageUrl: 'https://webmail.pec.it/new/settings?sid=secret#top' }),
    );
    const expected: Account = {
      address: ADDRESS,
      label: '',
      expiry: '2025-06-30',
      capturedAt: 1_000,
      source: 'webmail-dialog',
      pageUrl: 'https://webmail.pec.it/new/settings',
      programs: [],
      programsToUpdate: [],
      ...NO_OFFICE_FIELDS,
    };
    expect(result).toEqual({ account: expected, changed: true });
    expect(await getAccount(db, 'STUDIO.ROSSI@pec.it')).toEqual(expected);
    expect(await listRenewals(db, ADDRESS)).toEqual([]);
  });

  it('keeps a newer record when an older capture arrives late', async () => {
    const db = await open();
    await recordCapture(db, capture({ expiry: '2025-09-30', capturedAt: 2_000 }));
    const result = await recordCapture(db, capture({ expiry: '2025-06-30', capturedAt: 1_000 }));
    expect(result.changed).toBe(false);
    expect(result.account.expiry).toBe('2025-09-30');
    expect((await getAccount(db, ADDRESS))?.expiry).toBe('2025-09-30');
    expect(await listRenewals(db, ADDRESS)).toEqual([]);
  });

  it('refreshes the capture without a renewal when the expiry is the same', async () => {
    const db = await open();
    await saveAccount(db, account());
    const result = await recordCapture(db, capture({ capturedAt: 2_000, source: 'account-console' }));
    expect(result.changed).toBe(false);
    expect(result.account).toMatchObject({ capturedAt: 2_000, source: 'account-console', programsToUpdate: [], ...NO_OFFICE_FIELDS });
    expect(await listRenewals(db, ADDRESS)).toEqual([]);
  });

  it('logs a renewal and marks every program to update when the expiry changes', async () => {
    const db = await open();
    await saveAccount(db, account());
    const result = await recordCapture(db, capture({ expiry: '2025-09-30', capturedAt: 2_000 }));
    expect(result.changed).toBe(true);
    expect(result.account).toMatchObject({
      label: 'Studio',
      expiry: '2025-09-30',
      programs: ['Outlook', 'Fatture in Cloud'],
      programsToUpdate: ['Outlook', 'Fatture in Cloud'],
    });
    expect(await listRenewals(db, ADDRESS)).toEqual([
      { id: expect.any(Number), address: ADDRESS, expiry: '2025-09-30', capturedAt: 2_000, source: 'webmail-dialog' },
    ]);
  });

  it('does not count a first date on an account without one as a renewal', async () => {
    const db = await open();
    await saveAccount(db, account({ expiry: null }));
    const result = await recordCapture(db, capture({ capturedAt: 2_000 }));
    expect(result.changed).toBe(true);
    expect(result.account.programsToUpdate).toEqual([]);
    expect(await listRenewals(db, ADDRESS)).toEqual([]);
  });

  it.each([
    ['newest first', [3_000, 2_000]],
    ['oldest first', [2_000, 3_000]],
  ])('ends with one record and the newest capture when two run at once (%s)', async (_order, times) => {
    const db = await open();
    await recordCapture(db, capture({ expiry: '2025-03-31', capturedAt: 1_000 }));
    const expiryAt = (time: number) => (time === 3_000 ? '2025-12-31' : '2025-09-30');
    await Promise.all(times.map((time) => recordCapture(db, capture({ expiry: expiryAt(time), capturedAt: time }))));
    expect(await listAccounts(db)).toEqual([expect.objectContaining({ expiry: '2025-12-31', capturedAt: 3_000 })]);
    expect((await listRenewals(db, ADDRESS)).at(-1)?.expiry).toBe('2025-12-31');
  });

  it('ends with one record when two first captures run at once', async () => {
    const db = await open();
    await Promise.all([
      recordCapture(db, capture({ capturedAt: 1_000 })),
      recordCapture(db, capture({ address: ADDRESS.toUpperCase(), expiry: '2025-09-30', capturedAt: 2_000 })),
    ]);
    expect(await listAccounts(db)).toEqual([expect.objectContaining({ expiry: '2025-09-30', capturedAt: 2_000 })]);
  });

  it.each([
    [capture({ address: 'not an address' }), 'invalid-address'],
    [capture({ expiry: '30/06/2025' }), 'invalid-expiry'],
    [capture({ expiry: '2025-02-30' }), 'invalid-expiry'],
  ])('refuses a malformed capture (%#)', async (bad, code) => {
    const db = await open();
    await expect(recordCapture(db, bad)).rejects.toMatchObject({ name: 'StoreValidationError', code });
    expect(await listAccounts(db)).toEqual([]);
  });
});

describe('saveAccount and deleteAccount', () => {
  it('stores a manual account in its normal form', async () => {
    const db = await open();
    const stored = await saveAccount(
      db,
      account({
        address: ' Studio.Rossi@PEC.it ',
        label: ' Studio ',
        pageUrl: 'https://account.aruba.it/pec?code=secret',
        programs: ['Outlook', ' Outlook ', '', 'Thunderbird'],
        programsToUpdate: ['Thunderbird', 'Removed program'],
      }),
    );
    expect(stored).toEqual(
      account({
        pageUrl: 'https://account.aruba.it/pec',
        programs: ['Outlook', 'Thunderbird'],
        programsToUpdate: ['Thunderbird'],
      }),
    );
    expect(await getAccount(db, ADDRESS)).toEqual(stored);
  });

  it.each([
    [account({ address: '  ' }), 'invalid-address'],
    [account({ expiry: '2025-6-30' }), 'invalid-expiry'],
  ])('refuses a malformed account (%#)', async (bad, code) => {
    const db = await open();
    await expect(saveAccount(db, bad)).rejects.toMatchObject({ code });
  });

  it('deletes an account with its history, and saveAccount undoes the deletion', async () => {
    const db = await open();
    const saved = await saveAccount(db, account());
    await recordCapture(db, capture({ address: 'altro@pec.it', capturedAt: 1_000 }));
    await recordCapture(db, capture({ address: 'altro@pec.it', expiry: '2025-09-30', capturedAt: 2_000 }));
    await recordCapture(db, capture({ expiry: '2025-09-30', capturedAt: 2_000 }));
    const renewed = await getAccount(db, ADDRESS);

    const deleted = await deleteAccount(db, 'Studio.Rossi@pec.it');
    expect(deleted).toEqual(renewed);
    expect(deleted?.label).toBe(saved.label);
    expect(await getAccount(db, ADDRESS)).toBeUndefined();
    expect(await listRenewals(db, ADDRESS)).toEqual([]);
    expect(await listRenewals(db, 'altro@pec.it')).toHaveLength(1);

    if (!deleted) throw new Error('Nothing was deleted');
    await saveAccount(db, deleted);
    expect(await getAccount(db, ADDRESS)).toEqual(renewed);
  });

  it('ticks programs off the list still to update, and back on', async () => {
    const db = await open();
    await saveAccount(db, account({ programs: ['Outlook', 'Fatture in Cloud'], programsToUpdate: ['Outlook', 'Fatture in Cloud'] }));
    await Promise.all([setProgramUpdated(db, ADDRESS, 'Outlook', true), setProgramUpdated(db, ADDRESS, 'Fatture in Cloud', true)]);
    expect((await getAccount(db, ADDRESS))?.programsToUpdate).toEqual([]);
    expect((await setProgramUpdated(db, ADDRESS, 'Outlook', false))?.programsToUpdate).toEqual(['Outlook']);
    // A program not in the account's list is never added to it.
    expect((await setProgramUpdated(db, ADDRESS, 'Thunderbird', false))?.programsToUpdate).toEqual(['Outlook']);
    expect(await setProgramUpdated(db, 'nessuno@pec.it', 'Outlook', true)).toBeUndefined();
  });

  it('returns undefined when there is nothing to delete', async () => {
    const db = await open();
    expect(await deleteAccount(db, 'nessuno@pec.it')).toBeUndefined();
    expect(await deleteAccount(db, '')).toBeUndefined();
  });
});

describe('office fields', () => {
  it('stores owner, contact and lead days trimmed, and refuses a bad contact or lead time', async () => {
    const db = await open();
    const saved = await saveAccount(db, account({ owner: '  Bar Sport  ', contact: ' mario@example.com ', leadDays: 12 }));
    expect(saved).toMatchObject({ owner: 'Bar Sport', contact: 'mario@example.com', leadDays: 12 });
    await expect(saveAccount(db, account({ contact: 'mario' }))).rejects.toMatchObject({ code: 'invalid-contact' });
    await expect(saveAccount(db, account({ leadDays: 2.5 }))).rejects.toMatchObject({ code: 'invalid-lead-days' });
  });

  it('marks the client asked, and a new expiry captured afterwards as renewed', async () => {
    const db = await open();
    await saveAccount(db, account());
    expect((await markRenewalAsked(db, ADDRESS, 5_000))?.request).toEqual({ state: 'asked', at: 5_000 });
    const { account: renewed } = await recordCapture(db, capture({ expiry: '2025-09-30', capturedAt: 6_000 }));
    expect(renewed.request).toEqual({ state: 'renewed', at: 6_000 });
    expect(await markRenewalAsked(db, 'nobody@pec.it', 1)).toBeUndefined();
  });

  it('validates the office settings', async () => {
    const db = await open();
    expect(await saveSettings(db, { officeLeadDays: 5, requestTemplate: 'Gentile {cliente}' })).toMatchObject({
      officeLeadDays: 5,
      requestTemplate: 'Gentile {cliente}',
    });
    await expect(saveSettings(db, { officeLeadDays: -1 })).rejects.toMatchObject({ code: 'invalid-lead-days' });
    await expect(saveSettings(db, { requestTemplate: 'x'.repeat(10_001) })).rejects.toMatchObject({ code: 'invalid-template' });
  });
});

describe('settings', () => {
  it('starts from the defaults', async () => {
    const db = await open();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('merges each save into what is stored, with offsets deduplicated and largest first', async () => {
    const db = await open();
    await saveSettings(db, { hour: 18 });
    const saved = await saveSettings(db, { offsets: [1, 10, 30, 10, 0] });
    const expected: Settings = { ...DEFAULT_SETTINGS, hour: 18, offsets: [30, 10, 1, 0] };
    expect(saved).toEqual(expected);
    expect(await getSettings(db)).toEqual(expected);
  });

  it('hands out copies, so the defaults cannot be changed by accident', async () => {
    const db = await open();
    (await getSettings(db)).offsets.push(99);
    expect(DEFAULT_SETTINGS.offsets).toEqual([14, 7, 3, 1, 0]);
  });

  it.each([
    [{ offsets: [7, 61] }, 'invalid-offsets'],
    [{ offsets: [-1] }, 'invalid-offsets'],
    [{ offsets: [1.5] }, 'invalid-offsets'],
    [{ hour: 24 }, 'invalid-hour'],
    [{ hour: 8.5 }, 'invalid-hour'],
    [{ quietChip: 'yes' }, 'invalid-quiet-chip'],
    [{ language: 'fr' }, 'invalid-language'],
  ])('refuses %j with %s and keeps what was stored', async (bad, code) => {
    const db = await open();
    await saveSettings(db, { hour: 7 });
    await expect(saveSettings(db, bad as Partial<Settings>)).rejects.toMatchObject({ code });
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, hour: 7 });
  });
});

describe('fired reminders', () => {
  it('remembers fired keys and prunes the ones no longer wanted', async () => {
    const db = await open();
    expect(await getFiredReminders(db)).toEqual(new Set());
    await markRemindersFired(db, ['a|2025-06-30|7', 'a|2025-06-30|3'], 1_000);
    await markRemindersFired(db, ['b|2025-09-30|7', 'a|2025-06-30|3'], 2_000);
    expect(await getFiredReminders(db)).toEqual(new Set(['a|2025-06-30|7', 'a|2025-06-30|3', 'b|2025-09-30|7']));

    await deleteFiredReminders(db, ['a|2025-06-30|7', 'a|2025-06-30|3', 'z|never-fired']);
    expect(await getFiredReminders(db)).toEqual(new Set(['b|2025-09-30|7']));
  });
});

describe('clearAll', () => {
  it('deletes every account, renewal and fired reminder and puts the settings back to the defaults', async () => {
    const db = await open();
    await saveAccount(db, account());
    await recordCapture(db, capture({ expiry: '2025-09-30', capturedAt: 2_000 }));
    await saveSettings(db, { hour: 18, quietChip: false });
    await markRemindersFired(db, ['k'], 5);

    await clearAll(db);
    expect(await exportAll(db)).toEqual({ version: DB_VERSION, accounts: [], renewals: [], firedReminders: [], settings: DEFAULT_SETTINGS });
    await recordCapture(db, capture());
    expect(await listAccounts(db)).toHaveLength(1);
  });
});

describe('exportAll', () => {
  it('returns every store in one snapshot', async () => {
    const db = await open();
    await saveAccount(db, account());
    await recordCapture(db, capture({ expiry: '2025-09-30', capturedAt: 2_000 }));
    await saveSettings(db, { quietChip: false });
    await markRemindersFired(db, ['k'], 5);
    expect(await exportAll(db)).toEqual({
      version: DB_VERSION,
      accounts: [expect.objectContaining({ address: ADDRESS, expiry: '2025-09-30' })],
      renewals: [expect.objectContaining({ address: ADDRESS, expiry: '2025-09-30' })],
      firedReminders: [{ key: 'k', firedAt: 5 }],
      settings: { ...DEFAULT_SETTINGS, quietChip: false },
    });
  });

  it('never holds a password, even one handed over by mistake', async () => {
    const db = await open();
    await saveAccount(db, { ...account(), password: CANARY_PASSWORD } as Account);
    await saveSettings(db, { hour: 8, password: CANARY_PASSWORD } as Partial<Settings>);
    expect(JSON.stringify(await exportAll(db))).not.toContain(CANARY_PASSWORD);
  });
});
