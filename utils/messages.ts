import type { IsoDate } from './calendar-date';
import type { ExpiryRejection } from './expiry-date';
import type { Language, Messages } from './i18n';
import type { CaptureSource } from './store';

/*
 * Every message between the parts, typed at the boundary. What the content script may send is
 * deliberately narrow: the mailbox name and the expiry text it saw, never anything else of the
 * page, and there is no field in which a password could travel.
 */

/** Content script → background: how should this page behave for this mailbox? */
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

export type CaptureResult =
  | { status: 'recorded'; address: string; expiry: IsoDate; offsets: number[] }
  | { status: 'rejected'; reason: ExpiryRejection }
  | { status: 'needs-account'; expiry: IsoDate }
  | { status: 'store-unavailable' }
  | { status: 'invalid-address' }
  | { status: 'nothing-pending' };

/** Content script → background: the user closed the guide with "Non ora" in this tab. */
export type GuideDismissed = { type: 'guide-dismissed' };

export type ContentMessage = GuideModeRequest | ExpirySeen | GuideDismissed;

/** Extension page → background. */
export type StartRenewal = { type: 'start-renewal'; address: string | null };
export type AssignPendingCapture = { type: 'assign-pending-capture'; address: string };
/** The popup asks for an expiry read on a page that showed no mailbox; answered with PendingCaptureAnswer. */
export type GetPendingCapture = { type: 'get-pending-capture' };
export type PendingCaptureAnswer = { expiry: IsoDate } | null;
/** An extension page wrote accounts or settings to the store: badge and alarms must follow. */
export type AccountsChanged = { type: 'accounts-changed' };
export type SettingsChanged = { type: 'settings-changed' };
export type ExtensionPageMessage = StartRenewal | AssignPendingCapture | GetPendingCapture | AccountsChanged | SettingsChanged;

export type Message = ContentMessage | ExtensionPageMessage;

const MESSAGE_TYPES: ReadonlySet<string> = new Set<Message['type']>([
  'guide-mode',
  'expiry-seen',
  'guide-dismissed',
  'start-renewal',
  'assign-pending-capture',
  'get-pending-capture',
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
        ['webmail-dialog', 'webmail-security', 'account-console'].includes(message.source as string)
        ? (message as Message)
        : null;
    case 'assign-pending-capture':
      return typeof message.address === 'string' ? (message as Message) : null;
    default:
      return message as Message;
  }
}
