import type { IsoDate } from '@/utils/dates/calendar-date';
import type { LanguageChoice } from '@/utils/i18n/translate';
import { DEFAULT_REMINDER_SETTINGS } from '@/utils/reminders/reminder-plan';

/** What the store keeps: accounts, renewals, settings, fired reminders, attributions. No password field, by design. */

/** Where an expiry can be read on Aruba's pages; an expiry can also be typed in by hand. */
export const PAGE_CAPTURE_SOURCES = ['webmail-dialog', 'webmail-security', 'account-console'] as const;
export const CAPTURE_SOURCES = [...PAGE_CAPTURE_SOURCES, 'manual'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

export type Account = {
  /**
   * Lowercased, trimmed e-mail address or multi-user account id (see normalizeAddress), or the
   * key of a mailbox still to be named (see unnamed-mailbox.ts).
   */
  address: string;
  /** The user's own name for the mailbox; empty means "show the address". */
  label: string;
  expiry: IsoDate | null;
  /** Epoch ms of the capture (or manual edit) that produced this record. */
  capturedAt: number;
  source: CaptureSource;
  /** Origin and path of the page the expiry was read from; never its query or fragment. */
  pageUrl: string | null;
  /** Mail programs where this password is used, e.g. Outlook. */
  programs: string[];
  /** The programs still to update after the last renewal. */
  programsToUpdate: string[];
  /** For an office looking after its clients' mailboxes: the client's name; empty when none. */
  owner: string;
  /** The client's e-mail address the renewal request goes to; empty when none. */
  contact: string;
  /** Days before the expiry to ask the client for the new password; null uses Settings.officeLeadDays. */
  leadDays: number | null;
  /** Whether the client was asked for the new password, and when (epoch ms). */
  request: RequestStatus;
};

export type RequestStatus = { state: 'not-asked' } | { state: 'asked'; at: number } | { state: 'renewed'; at: number };

/** The office fields of an account nobody has filled in yet. */
export const NO_OFFICE_FIELDS: Readonly<Pick<Account, 'owner' | 'contact' | 'leadDays' | 'request'>> = {
  owner: '',
  contact: '',
  leadDays: null,
  request: Object.freeze({ state: 'not-asked' }),
};

/** One renewal: the expiry a capture replaced an earlier, different expiry with. */
export type Renewal = {
  id?: number;
  address: string;
  expiry: IsoDate;
  capturedAt: number;
  source: CaptureSource;
};

export type Settings = {
  /** Days before expiry to remind on, unique, largest first. */
  offsets: number[];
  /** Local hour of day (0..23) reminders are due at. */
  hour: number;
  quietChip: boolean;
  language: LanguageChoice;
  /** Days before an expiry to ask the client, for accounts without a lead time of their own. */
  officeLeadDays: number;
  /** The renewal request's text with {cliente}, {casella}, {scadenza}, {giorni}; empty for the built-in one. */
  requestTemplate: string;
  /**
   * Whether notifications name the mailboxes (a client's address, for an office). A notification
   * shows on a locked screen: without names it says «1 casella», «3 caselle».
   */
  namesInNotifications: boolean;
};

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  offsets: [...DEFAULT_REMINDER_SETTINGS.offsets],
  hour: DEFAULT_REMINDER_SETTINGS.hour,
  quietChip: true,
  language: 'auto',
  // An office needs the client's new password before the old one lapses: seed 003 asks ~10 days ahead.
  officeLeadDays: 10,
  requestTemplate: '',
  namesInNotifications: true,
};

export type FiredReminder = { key: string; firedAt: number };

export type Capture = {
  address: string;
  expiry: IsoDate;
  capturedAt: number;
  source: CaptureSource;
  pageUrl: string | null;
  /** Set when the page did not name the mailbox and its context did (see utils/guide/attribution.ts). */
  attributedBy?: ContextAttribution;
};

/**
 * How the mailbox of an expiry read on a page that did not name it was known: an earlier page of
 * the same tab, the tab that opened it, the renewal the tab was opened for, or the only mailbox.
 */
export type ContextAttribution = 'tab' | 'opener' | 'renewal' | 'only-mailbox';

/** What a capture replaces on an account, and a correction puts back. */
export type PriorCapture = Pick<Account, 'expiry' | 'capturedAt' | 'source' | 'pageUrl' | 'programsToUpdate' | 'request'>;

/**
 * An account whose last expiry came from its page's context, not from the page: kept until the
 * user corrects it, edits the account, or a page names the mailbox, so that a wrong attribution
 * can be undone from the popup.
 */
export type Attribution = {
  address: string;
  by: ContextAttribution;
  /** What the account held before the first such capture; null when that capture created it. */
  before: PriorCapture | null;
};

export type StoreSnapshot = {
  version: number;
  accounts: Account[];
  renewals: Renewal[];
  firedReminders: FiredReminder[];
  settings: Settings;
};
