import { describe, expect, it } from 'vitest';
import english from '@/public/_locales/en/messages.json';
import { captureMessage } from '@/utils/guide/capture-message';
import { substitute, t, type MessageKey, type Translate } from '@/utils/i18n/translate';
import type { CaptureResult } from '@/utils/messaging/protocol';

const chip = { mode: 'chip', expiry: '2027-02-15', daysLeft: 84 } as const;
const recorded = (mailbox: string | null, offsets: number[]): CaptureResult => ({
  status: 'recorded',
  mailbox,
  expiry: '2027-02-15',
  offsets,
  mode: chip,
});
const inEnglish: Translate = (key: MessageKey, subs) => substitute((english as Record<string, { message: string }>)[key]!.message, subs);

describe('captureMessage: what the page chip says once a date is recorded', () => {
  it('names the mailbox the date was recorded for, so that a wrong one is seen at once', () => {
    expect(captureMessage(t, recorded('mario.rossi@pec.it', [14, 7, 3, 1, 0]))).toEqual({
      text: 'Scadenza registrata per mario.rossi@pec.it: 15/02/2027 — ti avviseremo 14, 7, 3 e 1 giorno prima',
      bad: false,
    });
    expect(captureMessage(inEnglish, recorded('mario.rossi@pec.it', [14, 7, 3, 1, 0])).text).toBe(
      'Expiry saved for mario.rossi@pec.it: 15/02/2027 — we will remind you 14, 7, 3, and 1 day before',
    );
  });

  it('says so when a newer date is kept, naming both, and where to correct it (issue 16)', () => {
    const kept: CaptureResult = { status: 'newer-kept', mailbox: 'mario.rossi@pec.it', expiry: '2027-01-10', read: '2027-02-15' };
    expect(captureMessage(t, kept)).toEqual({
      text: "Questa pagina mostra 15/02/2027, ma per mario.rossi@pec.it resta registrata 10/01/2027, letta più di recente. Se è sbagliata, correggila dal pulsante dell'estensione.",
      bad: true,
    });
    expect(captureMessage(inEnglish, kept).text).toBe(
      'This page shows 15/02/2027, but 10/01/2027, read more recently, stays saved for mario.rossi@pec.it. If it is wrong, correct it from the extension button.',
    );
  });

  it('says when the mailbox is still to be named, and where to name it', () => {
    expect(captureMessage(t, recorded(null, [14, 7, 3, 1, 0])).text).toBe(
      "Scadenza registrata per una casella da indicare: 15/02/2027 — ti avviseremo 14, 7, 3 e 1 giorno prima. Indica quale dal pulsante dell'estensione.",
    );
    expect(captureMessage(inEnglish, recorded(null, [])).text).toBe(
      'Expiry saved for a mailbox to be named: 15/02/2027 — no reminders are left before it. Choose which from the extension button.',
    );
  });

  it.each([
    [[7, 3, 1, 0], 'ti avviseremo 7, 3 e 1 giorno prima'],
    [[1, 0], 'ti avviseremo 1 giorno prima'],
    [[2], 'ti avviseremo 2 giorni prima'],
    [[0], 'ti avviseremo il giorno stesso'],
    [[], 'non restano promemoria prima della scadenza'],
  ])('promises only the reminders still ahead: %j', (offsets, promise) => {
    expect(captureMessage(t, recorded('a@pec.it', offsets)).text).toBe(`Scadenza registrata per a@pec.it: 15/02/2027 — ${promise}`);
  });

  it('repeats no text of the page when the date cannot be read, only the reason', () => {
    expect(captureMessage(t, { status: 'rejected', reason: 'impossible-date' })).toEqual({
      text: expect.not.stringContaining('«'),
      bad: true,
    });
    expect(captureMessage(t, { status: 'rejected', reason: 'several-dates' }).text).toMatch(/^Data di scadenza non registrata: \S/);
  });
});
