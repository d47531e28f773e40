import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { alarmTrigger, calendarUid, escapeText, expiryCalendar, foldLine } from '@/utils/transfer/ics';
import { t } from '@/utils/i18n/translate';
import { DEFAULT_SETTINGS, type Account } from '@/utils/store/types';
import { manualAccount } from './accounts';

function account(address: string, overrides: Partial<Account> = {}): Account {
  return manualAccount(address, { expiry: '2027-02-15', ...overrides });
}

const NOW = new Date('2026-11-23T10:15:30.123Z');
const HOSTILE = 'Studio; Rossi, \\ «archivio»\r\n<script>alert(1)</script>';

const accounts = [
  account('studio.rossi@pec.it', { label: HOSTILE, programs: ['Outlook', 'Fatture in Cloud'] }),
  account('fatture@pec.studio.it', { expiry: '2026-12-01' }),
  account('unknown@pec.it', { expiry: null }),
];
let ics: string;
// After the setup has given the fake browser its Italian texts.
beforeEach(() => {
  ics = expiryCalendar(accounts, DEFAULT_SETTINGS, NOW, t);
});

/** The file as Thunderbird reads it (ical.js is its parser). */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
}

describe('expiryCalendar', () => {
  it('is a calendar of one all-day event per known expiry', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Promemoria password PEC');
    const found = events(ics);
    expect(found).toHaveLength(2);
    const [rossi, fatture] = found.map(({ event }) => event);
    expect(rossi!.startDate.isDate).toBe(true);
    expect(rossi!.startDate.toString()).toBe('2027-02-15');
    expect(rossi!.endDate.toString()).toBe('2027-02-16');
    expect(fatture!.startDate.toString()).toBe('2026-12-01');
    expect(rossi!.summary).toBe('Scade la password PEC per programmi di posta — studio.rossi@pec.it');
  });

  it('gives each address a stable UID, the same in every export', () => {
    const later = expiryCalendar([account('studio.rossi@pec.it', { expiry: '2027-05-15' })], DEFAULT_SETTINGS, new Date('2027-02-20T08:00:00Z'), t);
    const uid = events(ics)[0]!.event.uid;
    expect(uid).toBe('studio.rossi%40pec.it@pec-password-assistant');
    expect(events(later)[0]!.event.uid).toBe(uid);
    expect(calendarUid('a@pec.it')).not.toBe(calendarUid('b@pec.it'));
    // A later export is a newer revision of the same event: calendars update it.
    const sequence = (text: string) => Number(events(text)[0]!.vevent.getFirstPropertyValue('sequence'));
    expect(sequence(later)).toBeGreaterThan(sequence(ics));
    expect(sequence(later)).toBeLessThan(2 ** 31);
    expect(events(ics)[0]!.vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-23T10:15:30Z');
  });

  it('has an alarm at each reminder offset, at the reminder hour', () => {
    const { vevent } = events(ics)[0]!;
    const alarms = vevent.getAllSubcomponents('valarm');
    expect(alarms.map((alarm) => alarm.getFirstPropertyValue('action'))).toEqual(Array(5).fill('DISPLAY'));
    // Seconds from the start of the expiry day: 14, 7, 3 and 1 days before and the day itself, at 09:00.
    const triggers = alarms.map((alarm) => (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
    expect(triggers).toEqual([14, 7, 3, 1, 0].map((days) => (-days * 24 + 9) * 3600));
    expect(alarms[4]!.getFirstPropertyValue('description')).toBe('La password PEC per programmi di posta di studio.rossi@pec.it scade oggi');
    expect(alarms[0]!.getFirstPropertyValue('description')).toBe('La password PEC per programmi di posta di studio.rossi@pec.it scade tra 14 giorni');
  });

  it('names a mailbox still to be named «casella da indicare», never by its key', () => {
    const text = expiryCalendar([account('unnamed:1763888400000')], DEFAULT_SETTINGS, NOW, t);
    const [{ event, vevent }] = events(text) as [ReturnType<typeof events>[number]];
    expect(event.summary).toBe('Scade la password PEC per programmi di posta — casella da indicare');
    expect(vevent.getAllSubcomponents('valarm')[4]!.getFirstPropertyValue('description')).toBe(
      'La password PEC per programmi di posta di casella da indicare scade oggi',
    );
    expect(text.replace(/\r\n /g, '')).not.toMatch(/SUMMARY:.*unnamed|DESCRIPTION:.*unnamed/);
  });

  it('keeps hostile text as text: escaped, unfolded back exactly', () => {
    const { event } = events(ics)[0]!;
    expect(event.description).toContain('Studio; Rossi, \\ «archivio»\n<script>alert(1)</script>');
    expect(event.description).toContain('Sicurezza e password');
    expect(event.description).toContain('Programmi da aggiornare: Outlook, Fatture in Cloud');
    expect(ics).toContain('Studio\\; Rossi\\, \\\\ «archivio»\\n<script>');
  });

  it('ends every line with CRLF and folds none longer than 75 octets', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});

describe('the parts', () => {
  it('escapes TEXT', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\rg\x07h')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ngh');
  });

  it('folds at 75 octets, never inside a character, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'è'.repeat(60)}${'😀'.repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((part) => part.startsWith(' ')),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it.each([
    [14, 9, '-P13DT15H'],
    [1, 9, '-PT15H'],
    [0, 9, 'PT9H'],
    [0, 0, 'PT0H'],
    [1, 0, '-P1D'],
    [7, 23, '-P6DT1H'],
  ])('a reminder %i days before at %i:00 triggers %s', (offset, hour, trigger) => {
    expect(alarmTrigger(offset, hour)).toBe(trigger);
    expect(ICAL.Duration.fromString(trigger).toSeconds()).toBe((hour - offset * 24) * 3600);
  });
});
