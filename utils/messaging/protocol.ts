import type { IsoDate } from '../dates/calendar-date';
import type { ExpiryRejection } from '../dates/expiry-date';
import type { Language, Messages } from '../i18n/translate';
import type { ManualEntry, ManualSave } from '../accounts/manual-account';
import type { Account, CaptureSource, Settings } from '../store/types';
import type { StoreValidationCode } from '../store/validation';
import type { Backup } from '../transfer/backup-format';
import type { ImportPlan } from '../transfer/import-plan';

/*
 * Every message between the parts, by who may send it, with its request and its reply. The
 * background checks the sender of each against this (entrypoints/background/messages.ts): a
 * content script may send only ContentRequests, from an Aruba tab; an extension page only
 * PageRequests. Refusal is the default. What a content script may say is deliberately narrow: the
 * mailbox its page names and the expiry text it read, never anything else of the page, and no
 * field could carry a password. The background is the only writer of the store: pages send the
 * commands below and re-read what they show.
 */

export type GuideMode =
  { mode: 'guide'; reason: 'no-expiry' | 'due' | 'renewal-started' } | { mode: 'chip'; expiry: IsoDate; daysLeft: number } | { mode: 'quiet' };

/**
 * Which part of the content script asks (issue 17): the loader every Aruba page runs, small so
 * that the page read all day costs what an empty content script costs, or the guide it loads
 * when there is work (entrypoints/aruba-guide/).
 */
export type GuideStage = 'loader' | 'guide';

/**
 * When the loader loads the guide. At once when the guide is on for the page's mailbox, or the
 * page is one of the path's by its URL; otherwise when the page's title or top heading names one
 * of the path's pages (`headings`), or when the user clicks something whose text is one of the
 * labels of the steps on such a page (`labels`). Both normalized (utils/page/text.ts normalizeLabel).
 */
export type GuideWake = { now: true } | { now: false; headings: string[]; labels: string[] };

/** The quiet chip's words, in the language chosen in the options: the loader and the guide show the same. */
export interface ChipWords {
  text: string;
  closeLabel: string;
}

/**
 * The background's answer to guide-mode, in the language chosen in the options ('auto'
 * resolved): the content script never asks the browser for a text (its first getMessage on a
 * page costs milliseconds) and carries no catalog (it must stay small). `strings`: every text the
 * guide shows, for the guide and for a loader about to load it at once (it hands them over);
 * none for a loader that may never load it.
 */
export type GuideModeAnswer = GuideMode & { language: Language; chip: ChipWords | null; wake: GuideWake; strings: Messages };

/** The expiry text shown for the password for mail programs, and where. */
export type ExpirySeen = {
  /** The mailbox the page names, if it names one. */
  address: string | null;
  expiryText: string;
  source: Exclude<CaptureSource, 'manual'>;
  /** Read in the window showing a just-generated password: the renewal is done. */
  fresh: boolean;
};

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
  /**
   * The date read was not recorded: the mailbox keeps `expiry`, read later than this page's (or at
   * a time still ahead of this clock). The answer says what is stored, never what is not.
   */
  | { status: 'newer-kept'; mailbox: string | null; expiry: IsoDate; read: IsoDate }
  | { status: 'rejected'; reason: ExpiryRejection }
  | { status: 'store-unavailable' };

export type MoveCaptureResult =
  { status: 'moved'; address: string } | { status: 'nothing-to-move' } | { status: 'invalid-address' } | { status: 'store-unavailable' };

/** A store write's outcome: its value, or what refused it. */
export type StoreReply<T> = { ok: true; value: T } | { ok: false; error: StoreValidationCode | 'store-unavailable' };

type Nothing = Record<string, never>;

/** Content script → background. The page's URL is the sender's, as the browser reports it. */
export interface ContentRequests {
  /** How should this page behave? `address`: the mailbox the page names, remembered for the tab. */
  'guide-mode': { request: { address: string | null; stage: GuideStage }; reply: GuideModeAnswer };
  /**
   * The loader asks for the guide: the background injects it into the sender's own page (its
   * tab's top frame), never anywhere a message names. True once it runs there.
   */
  'load-guide': { request: Nothing; reply: boolean };
  'expiry-seen': { request: ExpirySeen; reply: CaptureResult };
  /** The user closed the guide with «Non ora» in this tab. */
  'guide-dismissed': { request: Nothing; reply: null };
}

/** Extension page (popup, options, due list) → background. */
export interface PageRequests {
  /** A guided renewal, for the mailbox of a row (null: whichever the pages name). */
  'start-renewal': { request: { address: string | null }; reply: null };
  /** The expiry kept for `from` (a mailbox still to be named, or one attributed by context) belongs to `to`. */
  'move-capture': { request: { from: string; to: string }; reply: MoveCaptureResult };
  /**
   * A manual add or edit; `previous` is the account as the form showed it, compared with what is
   * stored when the write is made: a date read since then wins over the one typed in (`newer-capture`).
   */
  'save-manual-entry': { request: { previous: Account | null; entry: ManualEntry }; reply: StoreReply<ManualSave> };
  /** The undo of a deletion. */
  'restore-account': { request: { account: Account }; reply: StoreReply<Account> };
  'delete-account': { request: { address: string }; reply: StoreReply<Account | null> };
  'set-program-updated': { request: { address: string; program: string; updated: boolean }; reply: StoreReply<null> };
  'mark-renewal-asked': { request: { address: string }; reply: StoreReply<null> };
  'save-settings': { request: { settings: Partial<Settings> }; reply: StoreReply<Settings> };
  /** A backup or CSV, already checked and previewed by the page. */
  'apply-import': { request: { backup: Backup }; reply: StoreReply<ImportPlan> };
  'clear-all': { request: Nothing; reply: StoreReply<null> };
}

export type ContentRequestType = keyof ContentRequests;
export type PageRequestType = keyof PageRequests;

/** A message as it travels: its type and its request's fields. */
export type Envelope<Requests, K extends keyof Requests> = { type: K } & (Requests[K] extends { request: infer R } ? R : never);
export type ReplyOf<Requests, K extends keyof Requests> = Requests[K] extends { reply: infer R } ? R : never;
export type RequestOf<Requests, K extends keyof Requests> = Requests[K] extends { request: infer R } ? R : never;
