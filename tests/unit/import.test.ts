import { describe, expect, it, vi } from 'vitest';
import type { Backup } from '@/utils/transfer/backup-format';
import { localDateTime } from '@/utils/dates/calendar-date';
import { planImport } from '@/utils/transfer/import-plan';
import { reminderKey } from '@/utils/reminders/reminder-plan';
import { applyImport, exportAll } from '@/utils/store/transfer';
import { DEFAULT_SETTINGS, type Account } from '@/utils/store/types';
import { getFiredReminders } from '@/utils/store/fired-reminders';
import { getSettings, saveSettings } from '@/utils/store/settings';
import { listAccounts, listRenewals, recordCapture, saveAccount } from '@/utils/store/accounts';
import { openTestStore } from './test-store';
import { manualAccount } from './accounts';

const open = openTestStore;

const NOW = localDateTime('2026-11-23', 12).getTime();

function account(address: string, overrides: Partial<Account> = {}): Account {
  return manualAccount(address, { expiry: '2027-02-15', capturedAt: 1_000, ...overrides });
}

function backup(accounts: Account[], overrides: Partial<Backup> = {}): Backup {
  return { accounts, renewals: [], settings: { ...DEFAULT_SETTINGS }, ...overrides };
}

describe('planImport', () => {
  const here = [
    account('same@pec.it', { label: 'Same' }),
    account('renewed@pec.it', { expiry: '2026-12-01' }),
    account('relabelled@pec.it', { label: 'Old' }),
    account('newer-here@pec.it', { expiry: '2027-05-01', capturedAt: 9_000 }),
    account('only-here@pec.it'),
  ];
  const current = { accounts: here, renewals: [], settings: { ...DEFAULT_SETTINGS } };

  it('sorts the backup’s accounts into new, updated, unchanged, and newer here', () => {
    const plan = planImport(
      current,
      backup([
        account('new@pec.it'),
        // Captured at another moment, otherwise the same: nothing a person would see changes.
        account('same@pec.it', { label: 'Same', capturedAt: 5, source: 'webmail-dialog' }),
        account('renewed@pec.it', { expiry: '2027-03-01', capturedAt: 2_000 }),
        account('relabelled@pec.it', { label: 'New' }),
        account('newer-here@pec.it', { expiry: '2027-02-01', capturedAt: 8_000 }),
      ]),
    );
    expect(plan.added.map((a) => a.address)).toEqual(['new@pec.it']);
    expect(plan.updated.map(({ before, after }) => [before.address, before.expiry, after.expiry])).toEqual([
      ['renewed@pec.it', '2026-12-01', '2027-03-01'],
      ['relabelled@pec.it', '2027-02-15', '2027-02-15'],
    ]);
    expect(plan.unchanged.map((a) => a.address)).toEqual(['same@pec.it']);
    expect(plan.newerHere.map(({ here: h, inBackup }) => [h.expiry, inBackup.expiry])).toEqual([['2027-05-01', '2027-02-01']]);
    expect(plan.settings).toBeNull();
  });

  it('reports a settings change with before and after', () => {
    const after = { ...DEFAULT_SETTINGS, offsets: [30, 7], language: 'en' as const };
    expect(planImport(current, backup([], { settings: after })).settings).toEqual({ before: DEFAULT_SETTINGS, after });
  });

  it('adds only the renewals not yet in the history', () => {
    const known = { id: 1, address: 'renewed@pec.it', expiry: '2026-12-01', capturedAt: 500, source: 'manual' as const };
    const fresh = { address: 'renewed@pec.it', expiry: '2027-03-01', capturedAt: 2_000, source: 'manual' as const };
    const { id: _, ...knownInBackup } = known;
    const plan = planImport({ ...current, renewals: [known] }, backup([], { renewals: [knownInBackup, fresh, fresh] }));
    expect(plan.renewals).toEqual([fresh]);
  });
});

describe('applyImport', () => {
  it('stores what the plan says in one go, keeps accounts only here, and returns the plan', async () => {
    const db = await open();
    await saveAccount(db, account('only-here@pec.it'));
    await saveAccount(db, account('renewed@pec.it', { expiry: '2026-12-01', programs: ['Outlook'] }));
    const imported = backup(
      [
        account('new@pec.it', { label: '<b>Studio</b>' }),
        account('renewed@pec.it', { expiry: '2027-03-01', capturedAt: 2_000, programs: ['Outlook'], programsToUpdate: ['Outlook'] }),
      ],
      {
        renewals: [{ address: 'renewed@pec.it', expiry: '2027-03-01', capturedAt: 2_000, source: 'manual' }],
        settings: { ...DEFAULT_SETTINGS, offsets: [30, 7], hour: 18, quietChip: false, language: 'en' },
      },
    );
    const plan = await applyImport(db, imported, NOW);
    expect(plan.added).toHaveLength(1);
    expect(plan.updated).toHaveLength(1);
    const accounts = new Map((await listAccounts(db)).map((a) => [a.address, a]));
    expect([...accounts.keys()].sort()).toEqual(['new@pec.it', 'only-here@pec.it', 'renewed@pec.it']);
    expect(accounts.get('new@pec.it')?.label).toBe('<b>Studio</b>');
    expect(accounts.get('renewed@pec.it')).toMatchObject({ expiry: '2027-03-01', programsToUpdate: ['Outlook'] });
    expect(await listRenewals(db, 'renewed@pec.it')).toMatchObject([{ expiry: '2027-03-01', capturedAt: 2_000 }]);
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, offsets: [30, 7], hour: 18, quietChip: false, language: 'en' });
  });

  it('marks the imported expiries’ reminders already past as shown, so none pops up as missed', async () => {
    const db = await open();
    // Expires in 5 days: the 30-day and 7-day reminders are past, the 3-day one is not.
    await applyImport(
      db,
      backup([account('soon@pec.it', { expiry: '2026-11-28' })], { settings: { ...DEFAULT_SETTINGS, offsets: [30, 7, 3] } }),
      NOW,
    );
    expect([...(await getFiredReminders(db))].sort()).toEqual(
      [reminderKey('soon@pec.it', '2026-11-28', 30), reminderKey('soon@pec.it', '2026-11-28', 7)].sort(),
    );
  });

  it('importing its own export changes nothing', async () => {
    const db = await open();
    await recordCapture(db, { address: 'a@pec.it', expiry: '2027-01-10', capturedAt: 1, source: 'webmail-dialog', pageUrl: null });
    await recordCapture(db, { address: 'a@pec.it', expiry: '2027-04-10', capturedAt: 2, source: 'webmail-dialog', pageUrl: null });
    await saveSettings(db, { hour: 7 });
    const before = await exportAll(db);
    const plan = await applyImport(
      db,
      backup(before.accounts, { renewals: before.renewals.map(({ id: _, ...r }) => r), settings: before.settings }),
      NOW,
    );
    expect(plan).toMatchObject({ added: [], updated: [], newerHere: [], settings: null, renewals: [] });
    expect(await exportAll(db)).toEqual(before);
  });

  it('is all or nothing: a record the store refuses leaves everything as it was', async () => {
    const db = await open();
    await saveAccount(db, account('kept@pec.it'));
    const before = await exportAll(db);
    const bad = backup([account('new@pec.it'), account('new2@pec.it', { expiry: '2027-02-30' })], { settings: { ...DEFAULT_SETTINGS, hour: 3 } });
    await expect(applyImport(db, bad, NOW)).rejects.toThrow();
    expect(await exportAll(db)).toEqual(before);
  });

  it('is all or nothing: a write failing half-way stores none of the others', async () => {
    const db = await open();
    await saveAccount(db, account('kept@pec.it'));
    const before = await exportAll(db);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'settings') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const imported = backup([account('new@pec.it')], { settings: { ...DEFAULT_SETTINGS, hour: 3 } });
    await expect(applyImport(db, imported, NOW)).rejects.toThrow('quota');
    vi.restoreAllMocks();
    expect(await exportAll(db)).toEqual(before);
  });

  it('stores a time in the future as now (a backup from a machine whose clock was ahead), so that the next capture still wins', async () => {
    const db = await open();
    const ahead = NOW + 400 * 24 * 60 * 60 * 1000;
    await applyImport(
      db,
      backup([account('ahead@pec.it', { expiry: '2027-01-10', capturedAt: ahead, request: { state: 'asked', at: ahead } })], {
        renewals: [{ address: 'ahead@pec.it', expiry: '2027-01-10', capturedAt: ahead, source: 'webmail-dialog' }],
      }),
      NOW,
    );
    expect((await listAccounts(db))[0]).toMatchObject({ capturedAt: NOW, request: { state: 'asked', at: NOW } });
    expect((await listRenewals(db, 'ahead@pec.it'))[0]).toMatchObject({ capturedAt: NOW });
    await recordCapture(db, { address: 'ahead@pec.it', expiry: '2027-04-10', capturedAt: NOW + 1, source: 'webmail-dialog', pageUrl: null });
    expect((await listAccounts(db))[0]?.expiry).toBe('2027-04-10');
  });
});
