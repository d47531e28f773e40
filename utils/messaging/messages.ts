import type { IsoDate } from '../dates/calendar-date';
import type { ExpiryRejection } from '../dates/expiry-date';
import type { Language, Messages } from '../i18n/translate';
import { PAGE_CAPTURE_SOURCES, type CaptureSource } from '../store/types';

/*
 * Every message between the parts, typed at the boundary. What the content script may send is
 * deliberately narrow: the mailbox name and the expiry text it saw, never anything else of the
 * page, and there is no field in which a password could travel.
 */

/**
 * Content script → background: how should this page behave? `address` is the mailbox the page
 * names, if it names one: the background remembers it for the tab (utils/guide/attribution.ts).
 */
export type GuideModeRequest = { type: 'guide-mode'; address: string | null };

export type GuideMode =
  | { mode: 'guide'; reason: 'no-expiry' | 'due' | 'renewal-started' }
  | { mode: 'chip'; expiry: IsoDate; daysLeft: number }
  | { mode: 'quiet' };

/**
 * The background's answer to guide-mode, with the texts the content script shows in the language
 * chosen in the options ('auto' resolved): the content script never asks the browser for a text
 * (its first getMessage on a page costs milliseconds) and carries no catalog (it must stay small).
 */
export type GuideModeAnswer = GuideMode & { language: Language; strings: Messages };

/** Content script → background: the expiry text shown for the password for mail programs. */
export type ExpirySeen = {
  type: 'expiry-seen';
  address: string | null;
  expiryText: string;
  source: Exclude<CaptureSource, 'manual'>;
  /** Read in the window showing a just-generated password: the renewal is done. */
  fresh: boolean;
  pageUrl: string;
};

/** The background's answer to expiry-seen. */
export type CaptureResult =
  | {
      status: 'recorded';
      /** The mailbox the date was recorded for, named or attributed; null: one still to be named. */
      mailbox: string | null;
      expiry: IsoDate;
      /** The reminder offsets still ahead of now for this date, largest first. */
      offsets: number[];
      /** The guide mode that holds in this tab now, decided from the date just read. */
      mode: GuideMode;
    }
  | { status: 'rejected'; reason: ExpiryRejection }
  | { status: 'store-unavailable' };

/** Content script → background: the user closed the guide with "Non ora" in this tab. */
export type GuideDismissed = { type: 'guide-dismissed' };

export type ContentMessage = GuideModeRequest | ExpirySeen | GuideDismissed;

/** Extension page → background: a guided renewal, for the mailbox of the row or notification. */
export type StartRenewal = { type: 'start-renewal'; address: string | null };
/**
 * Extension page → background: the expiry shown for `from` (a mailbox still to be named, or one
 * a page's context chose) belongs to the mailbox `to`. Answered with MoveCaptureResult.
 */
export type MoveCaptureRequest = { type: 'move-capture'; from: string; to: string };
export type MoveCaptureResult =
  | { status: 'moved'; address: string }
  | { status: 'nothing-to-move' }
  | { status: 'invalid-address' }
  | { status: 'store-unavailable' };
/** An extension page wrote accounts or settings to the store: badge and alarms must follow. */
export type AccountsChanged = { type: 'accounts-changed' };
export type SettingsChanged = { type: 'settings-changed' };
export type ExtensionPageMessage = StartRenewal | MoveCaptureRequest | AccountsChanged | SettingsChanged;

export type Message = ContentMessage | ExtensionPageMessage;

const MESSAGE_TYPES: ReadonlySet<string> = new Set<Message['type']>([
  'guide-mode',
  'expiry-seen',
  'guide-dismissed',
  'start-renewal',
  'move-capture',
  'accounts-changed',
  'settings-changed',
]);

const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

/** Validates a message from another part: the background trusts no sender blindly. */
export function parseMessage(value: unknown): Message | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  if (typeof message.type !== 'string' || !MESSAGE_TYPES.has(message.type)) return null;
  switch (message.type) {
    case 'guide-mode':
    case 'start-renewal':
      return isStringOrNull(message.address) ? (message as Message) : null;
    case 'expiry-seen':
      return isStringOrNull(message.address) &&
        typeof message.expiryText === 'string' &&
        message.expiryText.length <= 200 &&
        typeof message.pageUrl === 'string' &&
        typeof message.fresh === 'boolean' &&
        (PAGE_CAPTURE_SOURCES as readonly string[]).includes(message.source as string)
        ? (message as Message)
        : null;
    case 'move-capture':
      return typeof message.from === 'string' && typeof message.to === 'string' ? (message as Message) : null;
    default:
      return message as Message;
  }
}
