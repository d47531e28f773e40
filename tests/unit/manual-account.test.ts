import { describe, expect, it } from 'vitest';
import { addDays, localDateTime, localToday } from '@/utils/dates/calendar-date';
import { saveManualEntry } from '@/utils/accounts/manual-account';
import { reminderKey } from '@/utils/reminders/reminder-plan';
import { getAccount, listRenewals, recordCapture } from '@/utils/store/accounts';
import { getFiredReminders } from '@/utils/store/fired-reminders';
import { openTestStore } from './test-store';

const open = openTestStore;

const NOW = localDateTime('2026-11-23', 12).getTime();
const TODAY = localToday(new Date(NOW));
const ADDRESS = 'studio@pec.it';

describe('saveManualEntry', () => {
  it('adds an account with its label and programs, and nothing yet to update', async () => {
    const db = await open();
    const { account: saved } = await saveManualEntry(
      db,
      undefined,
      { address: ADDRESS, expiry: addDays(TODAY, 40), label: 'Studio', programs: ['Outlook', ' ', 'Thunderbird'] },
      NOW,
    );
    expect(saved).toMatchObject({ address: ADDRESS, label: 'Studio', source: 'manual', programs: ['Outlook', 'Thunderbird'], programsToUpdate: [] });
    expect(await getAccount(db, ADDRESS)).toEqual(saved);
    expect(await listRenewals(db, ADDRESS)).toEqual([]);
  });

  it('treats a new expiry typed in as a renewal: logged, every program to update', async () => {
    const db = await open();
    const { account: first } = await saveManualEntry(
      db,
      undefined,
      { address: ADDRESS, expiry: addDays(TODAY, 5), label: '', programs: ['Outlook'] },
      NOW,
    );
    const { account: renewed } = await saveManualEntry(
      db,
      first,
      { address: ADDRESS, expiry: addDays(TODAY, 90), label: '', programs: ['Outlook', 'Fatture'] },
      NOW + 1,
    );
    expect(renewed.programsToUpdate).toEqual(['Outlook']);
    expect((await listRenewals(db, ADDRESS)).map((renewal) => renewal.expiry)).toEqual([addDays(TODAY, 90)]);
  });

  it('leaves a captured record alone when only the label and programs change', async () => {
    const db = await open();
    const { account } = await recordCapture(db, {
      address: ADDRESS,
      expiry: addDays(TODAY, 30),
      capturedAt: NOW - 10,
      source: 'webmail-dialog',
      pageUrl: 'https://webmail.pec.it/settings',
    });
    const saved = await saveManualEntry(db, account, { address: ADDRESS, expiry: account.expiry!, label: 'Archivio', programs: [] }, NOW);
    expect(saved).toEqual({ status: 'saved', account: { ...account, label: 'Archivio' } });
  });

  it('settles the reminders already past, so the next reconcile shows none of them', async () => {
    const db = await open();
    const expiry = addDays(TODAY, 5);
    await saveManualEntry(db, undefined, { address: ADDRESS, expiry, label: '', programs: [] }, NOW);
    expect(await getFiredReminders(db)).toEqual(new Set([reminderKey(ADDRESS, expiry, 14), reminderKey(ADDRESS, expiry, 7)]));
  });

  it("is the user's word: a new date typed in wins over a stored capture whose time lies in the future", async () => {
    const db = await open();
    const { account } = await recordCapture(db, {
      address: ADDRESS,
      expiry: addDays(TODAY, 30),
      capturedAt: NOW + 365 * 24 * 60 * 60 * 1000,
      source: 'webmail-dialog',
      pageUrl: null,
    });
    await saveManualEntry(db, account, { address: ADDRESS, expiry: addDays(TODAY, 90), label: 'Studio', programs: [] }, NOW);
    expect(await getAccount(db, ADDRESS)).toMatchObject({ expiry: addDays(TODAY, 90), label: 'Studio', source: 'manual', capturedAt: NOW });
  });

  describe('a form opened before a capture (issue 16)', () => {
    const opened = async () => {
      const db = await open();
      const { account } = await recordCapture(db, {
        address: ADDRESS,
        expiry: addDays(TODAY, 5),
        capturedAt: NOW - 100,
        source: 'webmail-dialog',
        pageUrl: null,
      });
      // The popup's form shows `account`; meanwhile the new password's window is read.
      await recordCapture(db, { address: ADDRESS, expiry: addDays(TODAY, 90), capturedAt: NOW - 50, source: 'webmail-dialog', pageUrl: null });
      return { db, account };
    };

    it('keeps the newer capture over the date the form typed in, saves the rest, and says so', async () => {
      const { db, account } = await opened();
      const outcome = await saveManualEntry(
        db,
        account,
        { address: ADDRESS, expiry: addDays(TODAY, 10), label: 'Studio', programs: ['Outlook'] },
        NOW,
      );
      expect(outcome).toMatchObject({ status: 'newer-capture', account: { expiry: addDays(TODAY, 90), label: 'Studio', programs: ['Outlook'] } });
      expect(await getAccount(db, ADDRESS)).toMatchObject({ expiry: addDays(TODAY, 90), capturedAt: NOW - 50, label: 'Studio' });
      expect((await listRenewals(db, ADDRESS)).map((renewal) => renewal.expiry)).toEqual([addDays(TODAY, 90)]);
    });

    it('never writes back the date the form started from when only the label changed', async () => {
      const { db, account } = await opened();
      const outcome = await saveManualEntry(db, account, { address: ADDRESS, expiry: account.expiry!, label: 'Studio', programs: [] }, NOW);
      expect(outcome).toMatchObject({ status: 'saved', account: { expiry: addDays(TODAY, 90), label: 'Studio' } });
      expect(await getAccount(db, ADDRESS)).toMatchObject({ expiry: addDays(TODAY, 90), capturedAt: NOW - 50 });
    });

    it('an add form does not overwrite a mailbox a page recorded meanwhile', async () => {
      const { db } = await opened();
      const outcome = await saveManualEntry(db, undefined, { address: ADDRESS, expiry: addDays(TODAY, 10), label: '', programs: [] }, NOW);
      expect(outcome).toMatchObject({ status: 'newer-capture', account: { expiry: addDays(TODAY, 90) } });
    });
  });
});
