import { addDays, type IsoDate } from '../dates/calendar-date';
import { daysLeftPhrase } from '../dates/days-left-phrase';
import type { Translate } from '../i18n/translate';
import type { ReminderSettings } from '../reminders/reminder-plan';
import type { Account } from '../store/types';
import { mailboxName } from '../store/unnamed-mailbox';

/*
 * The expiries as an iCalendar file (RFC 5545) for Outlook, Google Calendar, Thunderbird, Apple
 * Calendar: one all-day event per account on its expiry date, with an alarm at each reminder.
 */

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/**
 * Same address, same UID, whatever else changed: importing a newer export updates the event
 * instead of adding a second one. encodeURIComponent keeps it free of the characters a UID
 * would have to escape, and two addresses never share one.
 */
export function calendarUid(address: string): string {
  return `${encodeURIComponent(address)}@pec-password-assistant`;
}

/** A TEXT value (RFC 5545 3.3.11): \ ; , escaped, line breaks as \n, other control characters dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Folds a content line at 75 octets of UTF-8 (RFC 5545 3.1), never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const char of line) {
    const point = char.codePointAt(0)!;
    const size = point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    // Continuation lines start with a space, which counts.
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(part);
      part = ' ';
      octets = 1;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join(CRLF);
}

const basicDate = (date: IsoDate) => date.replaceAll('-', '');
const basicUtc = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Reminders come at the user's hour: `offset` days before the expiry day's midnight, plus
 * `hour` hours. 14 days at 09:00 is -P13DT15H; the day itself at 09:00 is PT9H.
 */
export function alarmTrigger(offset: number, hour: number): string {
  const hours = offset * 24 - hour;
  if (hours <= 0) return `PT${-hours}H`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `-P${days ? `${days}D` : ''}${rest ? `T${rest}H` : ''}`;
}

function event(account: Account & { expiry: IsoDate }, settings: ReminderSettings, now: Date, t: Translate): string[] {
  const name = mailboxName(t, account.address);
  const summary = t('icsSummary', name);
  const details = [account.label, t('icsRenewalSteps'), account.programs.length ? t('icsPrograms', account.programs.join(', ')) : ''].filter(Boolean);
  const alarms = settings.offsets.flatMap((offset) => [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(t('icsAlarm', [daysLeftPhrase(t, offset), name]))}`,
    `TRIGGER:${alarmTrigger(offset, settings.hour)}`,
    'END:VALARM',
  ]);
  return [
    'BEGIN:VEVENT',
    `UID:${calendarUid(account.address)}`,
    `DTSTAMP:${basicUtc(now)}`,
    // Every export supersedes the previous ones: Google Calendar updates an imported event
    // only when its SEQUENCE grows. Minutes since 1970 fit the 32-bit INTEGER for 4000 years.
    `SEQUENCE:${Math.floor(now.getTime() / 60_000)}`,
    `DTSTART;VALUE=DATE:${basicDate(account.expiry)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(account.expiry, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(details.join('\n\n'))}`,
    'TRANSP:TRANSPARENT',
    ...alarms,
    'END:VEVENT',
  ];
}

/** The calendar of every account with a known expiry, in the language t() speaks. */
export function expiryCalendar(accounts: readonly Account[], settings: ReminderSettings, now: Date, t: Translate): string {
  const dated = accounts.filter((account): account is Account & { expiry: IsoDate } => account.expiry !== null);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Promemoria password PEC//pec-password-assistant//IT',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(t('extName'))}`,
    ...dated.flatMap((account) => event(account, settings, now, t)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
