import type { ArubaHost } from './hosts';
import type { Language, MessageKey } from '../i18n/translate';

/**
 * Everything the extension knows about Aruba's pages, as data: the two ways to the password for
 * mail programs, the states in between, and where the expiry is shown. Written from
 * ../shared/aruba-ui.md and the seed guides; nobody could see the real markup, so entries name
 * what a person sees (visible text, aria-label, title) and never CSS classes. The replica pages
 * of tests/harness/site.ts say which steps they show; a unit test fails when a step or state is
 * shown by none.
 * Old labels stay with a dated note until Aruba is known to have dropped them.
 */

export type ArubaPath = 'webmail' | 'account';
/** What a person clicks, by its role; a step lists those it may have. */
export const CLICK_ROLES = ['link', 'button', 'menuitem', 'tab'] as const;
export type ClickRole = (typeof CLICK_ROLES)[number];

/** Labels as shown on Italian and English pages; compared after `normalizeLabel`. */
export interface Labels {
  it: readonly string[];
  en: readonly string[];
}

/**
 * A host and, on a host that serves other things too (a reseller's public site), the paths on it.
 * Aruba's own hosts take every path: nobody here has seen their URLs, and a page is known by what
 * it shows.
 */
export interface UrlPattern {
  host: ArubaHost;
  path?: RegExp;
}

/** One thing to click. */
interface StepEntry {
  /** Also the test contract: the element to click carries data-pec-highlight=<id>. */
  id: string;
  path: ArubaPath;
  /** Position for "Passo N di M"; alternatives offered at the same point share it. */
  ordinal: number;
  where: readonly UrlPattern[];
  labels: Labels;
  roles: readonly ClickRole[];
  /**
   * The user menu is a circle showing only the mailbox's initial: also accept a popup button
   * labelled with that initial, or with the whole address.
   */
  mailboxInitial?: true;
  /** Words near the right element, used only to choose between two equally labelled ones. */
  near?: Labels;
  /**
   * Headings that name the page this step is on (matched whole, in the app's own chrome): a page
   * is known by what it shows, whatever its URL. Only phrases no earlier page of the path shows
   * as a heading.
   */
  pageSigns?: Labels;
  /** The page this step is on shows the current app password's expiry. */
  showsExpiry?: true;
  /** Aruba opens the destination in a new tab: the guide continues there. */
  opensNewTab?: true;
  /** Overlay message keys (locale files), instruction first. */
  messages: readonly MessageKey[];
}

/** A page that is not a click along the path but needs its own message. */
interface StateEntry {
  id: string;
  where: readonly UrlPattern[];
  /** Text that identifies the state when visible on the page. */
  phrases?: Labels;
  /** Titles of the window showing the password. */
  titles?: Labels;
  messages: readonly MessageKey[];
}

// The reseller's WebMail is www.startpec.it/it/webmail (seed 002); the rest of that host is its shop.
const WEBMAIL: readonly UrlPattern[] = [{ host: 'webmail.pec.it' }, { host: 'www.startpec.it', path: /^\/(?:(?:it|en)\/)?webmail/ }];

/**
 * Where people read their mail all day (issue 17): there the guide is loaded only when it has
 * work (entrypoints/aruba-loader/), while every other page of the path loads it at once.
 */
export const EVERYDAY_PAGES: readonly UrlPattern[] = WEBMAIL;

/**
 * "Sicurezza e password" opens a new tab on a host the seeds do not show; the older
 * GestioneMail panel is the likeliest, and the replica puts these pages there.
 */
const SECURITY_PAGES: readonly UrlPattern[] = [
  ...WEBMAIL,
  { host: 'gestionemail.pec.it' },
  { host: 'gestionemail.startpec.it' },
  { host: 'areaclienti.pec.it' },
];

// Gestione account PEC lives under /pec today; a white-label panel under /security (aruba-ui.md).
export const ACCOUNT_CONSOLE: readonly UrlPattern[] = [{ host: 'account.aruba.it' }];

const SIGN_IN: readonly UrlPattern[] = [{ host: 'login.aruba.it', path: /^\/auth\/realms\/pec\// }];

export const APP_PASSWORD_LABELS: Labels = {
  it: ['Password per programmi di posta', 'Password programmi di posta'],
  en: ['Passwords for mail programs', 'Password for mail programs'],
};

const STEP_TABLE = [
  {
    id: 'webmail-settings',
    path: 'webmail',
    ordinal: 1,
    where: WEBMAIL,
    labels: { it: ['Impostazioni'], en: ['Settings'] },
    roles: CLICK_ROLES,
    messages: ['stepWebmailSettings'],
  },
  {
    id: 'webmail-security',
    path: 'webmail',
    ordinal: 2,
    where: WEBMAIL,
    labels: {
      // "Gestione e password": older WebMail versions (aruba-ui.md, 2026-11); drop once unseen.
      it: ['Sicurezza e password', 'Gestione e password'],
      en: ['Security and password'],
    },
    roles: CLICK_ROLES,
    pageSigns: { it: ['Informazioni casella'], en: ['Mailbox information', 'Mailbox info'] },
    opensNewTab: true,
    messages: ['stepWebmailSecurity', 'hintOpensNewTab'],
  },
  {
    id: 'webmail-manage',
    path: 'webmail',
    ordinal: 3,
    where: SECURITY_PAGES,
    labels: { it: ['Gestisci'], en: ['Manage'] },
    roles: CLICK_ROLES,
    near: {
      it: ['Verifica in 2 passaggi', ...APP_PASSWORD_LABELS.it],
      en: ['2-step verification', 'Two-step verification', ...APP_PASSWORD_LABELS.en],
    },
    pageSigns: { it: ['Sicurezza e password', 'Gestione e password'], en: ['Security and password'] },
    showsExpiry: true,
    messages: ['stepWebmailManage'],
  },
  {
    id: 'webmail-generate',
    path: 'webmail',
    ordinal: 4,
    where: SECURITY_PAGES,
    labels: { it: ['Genera password per programmi di posta'], en: ['Generate password for mail programs'] },
    roles: CLICK_ROLES,
    // Seed 000: the «Verifica in 2 passaggi» page's section; the «Sicurezza e password» page has a
    // section «Verifica in 2 passaggi» too, so that heading alone tells nothing.
    pageSigns: {
      it: ['Usa la PEC anche sui programmi di posta'],
      en: ['Use PEC on mail programs too', 'Use PEC on mail programs', 'Use PEC in mail programs'],
    },
    messages: ['stepWebmailGenerate'],
  },
  {
    id: 'account-user-menu',
    path: 'account',
    ordinal: 1,
    where: WEBMAIL,
    labels: { it: ['Menu utente', 'Apri il menu utente'], en: ['User menu', 'Open user menu'] },
    roles: ['button', 'menuitem'],
    mailboxInitial: true,
    messages: ['stepAccountUserMenu'],
  },
  {
    id: 'account-open',
    path: 'account',
    ordinal: 2,
    where: WEBMAIL,
    // "Gestisci account": seed 003's wording of the same item.
    labels: { it: ['Gestione account', 'Gestisci account'], en: ['Account management', 'Manage account'] },
    roles: CLICK_ROLES,
    opensNewTab: true,
    messages: ['stepAccountOpen', 'hintOpensNewTab'],
  },
  {
    id: 'account-app-passwords',
    path: 'account',
    ordinal: 3,
    where: ACCOUNT_CONSOLE,
    // Not "Scadenza password" (the mailbox password's own expiry) nor "Password PEC": exact
    // label matching keeps them apart, and the unit tests prove it.
    labels: APP_PASSWORD_LABELS,
    roles: CLICK_ROLES,
    messages: ['stepAccountAppPasswords', 'hintNotMailboxPasswordExpiry'],
  },
  // The three below are alternatives at the same point; on a tie the earlier one is shown.
  {
    id: 'account-activate',
    path: 'account',
    ordinal: 4,
    where: ACCOUNT_CONSOLE,
    labels: { it: ['Attiva'], en: ['Activate'] },
    roles: ['button', 'link'],
    near: APP_PASSWORD_LABELS,
    pageSigns: APP_PASSWORD_LABELS,
    messages: ['stepAccountActivate'],
  },
  {
    id: 'account-generate-new',
    path: 'account',
    ordinal: 4,
    where: ACCOUNT_CONSOLE,
    labels: { it: ['Genera nuova password'], en: ['Generate new password'] },
    roles: ['button', 'link'],
    near: APP_PASSWORD_LABELS,
    pageSigns: APP_PASSWORD_LABELS,
    showsExpiry: true,
    messages: ['stepAccountGenerateNew'],
  },
  {
    id: 'account-postpone',
    path: 'account',
    ordinal: 4,
    where: ACCOUNT_CONSOLE,
    // The real label is not known (aruba-ui.md, 2026-11): these are the likely ones.
    labels: {
      it: ['Posticipa', 'Posticipa scadenza', 'Posticipa la scadenza', 'Proroga', 'Proroga scadenza', 'Proroga la scadenza'],
      en: ['Postpone', 'Postpone expiry', 'Extend', 'Extend expiry'],
    },
    roles: ['button', 'link'],
    near: APP_PASSWORD_LABELS,
    pageSigns: APP_PASSWORD_LABELS,
    showsExpiry: true,
    messages: ['stepAccountPostpone'],
  },
] as const satisfies readonly StepEntry[];

/** The steps' ids, from the table: a new step is a new entry, nothing else. */
export type StepId = (typeof STEP_TABLE)[number]['id'];
export type ArubaStep = StepEntry & { id: StepId };
export const ARUBA_STEPS: readonly ArubaStep[] = STEP_TABLE;

/**
 * Checked in this order, before any step: the password window first (it sits over the page that
 * led to it), sign-in before the approval so the approval's words on a sign-in form do not count.
 */
const STATE_TABLE = [
  {
    id: 'password-shown',
    where: [...SECURITY_PAGES, ...ACCOUNT_CONSOLE],
    titles: {
      it: ['Genera password per programmi di posta', 'Nuova password per programmi di posta'],
      en: ['Generate password for mail programs', 'New password for mail programs'],
    },
    messages: ['statePasswordShown'],
  },
  {
    id: 'protocols-disabled',
    // Seen on Gestione account only; looking for it costs a walk over the whole page's text.
    where: ACCOUNT_CONSOLE,
    phrases: {
      it: ['Non hai abilitato gli accessi per usare la PEC anche sui programmi di posta'],
      // Not seen in English: a translation of the Italian warning.
      en: ['You have not enabled access to use PEC on mail programs'],
    },
    messages: ['stateProtocolsDisabled'],
  },
  {
    // Recognized by its sign-in fields, whose values are never read.
    id: 'sign-in',
    where: SIGN_IN,
    messages: ['stateSignIn'],
  },
  {
    id: 'approve-on-phone',
    where: SIGN_IN,
    phrases: {
      it: ['Autorizza', 'dispositivo associato'],
      en: ['Authorize', 'Approve', 'associated device'],
    },
    messages: ['stateApproveOnPhone'],
  },
] as const satisfies readonly StateEntry[];

/** The states' ids, from the table. */
export type StateId = (typeof STATE_TABLE)[number]['id'];
export type ArubaState = StateEntry & { id: StateId };
export const ARUBA_STATES: readonly ArubaState[] = STATE_TABLE;

/** The "Copia" button that sits beside the password: identifies the password window. */
export const COPY_LABELS: Labels = { it: ['Copia', 'Copia password'], en: ['Copy', 'Copy password'] };

/**
 * Where the app password's expiry is shown: the password window, the "Sicurezza e password"
 * status rows and Gestione account's "Password per programmi di posta" page (steps marked
 * `showsExpiry`). The label must be exactly one of these and near `APP_PASSWORD_LABELS`, so the
 * "Scadenza password" item and page, the mailbox password's own expiry, are never read.
 */
/** The WebMail settings' card that names the mailbox (seed 000), read for the address alone. */
export const MAILBOX_INFO_LABELS: Labels = { it: ['Informazioni casella'], en: ['Mailbox information', 'Mailbox info'] };

/**
 * The mailbox's other passwords and the mailbox password's own expiry, different features: a date
 * in a block named by one of them is never taken for the app password's.
 */
export const OTHER_PASSWORD_LABELS: Labels = {
  it: ['Scadenza password', 'Password della casella', 'Password PEC', 'Password webmail e app', 'Password webmail'],
  en: ['Password expiry', 'Mailbox password', 'PEC password', 'Webmail and app password', 'Webmail password'],
};

export const EXPIRY_LABELS: Labels = {
  it: ['Scadenza', 'Data di scadenza', 'Scade il'],
  en: ['Expiry', 'Expiry date', 'Expires', 'Expires on', 'Expiration date'],
};

/** On a tie between paths, Gestione account wins: it is where Aruba generates the password today. */
export const PATHS: readonly ArubaPath[] = ['account', 'webmail'];

/**
 * The path as a first-time user walks it: at each point of it the first of its alternatives
 * («Attiva» before «Genera nuova password»). The end-to-end walks and the demo follow it.
 */
export function pathWalk(path: ArubaPath): StepId[] {
  const steps = ARUBA_STEPS.filter((step) => step.path === path);
  return Array.from({ length: pathLength(path) }, (_, index) => steps.find((step) => step.ordinal === index + 1)!.id);
}

export function pathLength(path: ArubaPath): number {
  return Math.max(...ARUBA_STEPS.filter((step) => step.path === path).map((step) => step.ordinal));
}

export function labelsIn(labels: Labels, lang?: Language): readonly string[] {
  return lang ? labels[lang] : [...labels.it, ...labels.en];
}

export function matchesUrl(patterns: readonly UrlPattern[], url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && patterns.some((pattern) => pattern.host === host && (!pattern.path || pattern.path.test(url.pathname)));
}

/**
 * Words Aruba may swap in a redesign: a label that matches a step's once these are counted as
 * equal is offered as "Forse è questo?", never highlighted as sure.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['genera', 'crea', 'nuova'],
  ['generate', 'create', 'new'],
  ['gestisci', 'gestione', 'modifica'],
  ['manage', 'management', 'edit'],
  ['attiva', 'abilita'],
  ['activate', 'enable'],
  ['programmi', 'client', 'app'],
  ['programs', 'clients', 'apps'],
  ['impostazioni', 'preferenze'],
  ['settings', 'preferences'],
];

/**
 * The step a user on this page most likely looks for when none is found: the earliest one the
 * page can show (Gestione account first on a tie, as in PATHS).
 */
export function expectedStep(url: URL): ArubaStep | null {
  const candidates = ARUBA_STEPS.filter((step) => matchesUrl(step.where, url));
  candidates.sort((a, b) => a.ordinal - b.ordinal || PATHS.indexOf(a.path) - PATHS.indexOf(b.path));
  return candidates[0] ?? null;
}

/**
 * The longest word of each label, lower case with accents kept, as a page writes it. The labels
 * come from functions, so that the call is pure: a bundle that uses none of the words (the
 * loader, issue 17) leaves the tables out.
 */
function anchorWords(...labelLists: (() => readonly string[])[]): string[] {
  return [
    ...new Set(
      labelLists
        .flatMap((labels) => labels())
        .map((label) =>
          label
            .toLowerCase()
            .split(' ')
            .reduce((a, b) => (b.length > a.length ? b : a)),
        ),
    ),
  ];
}

const NO_LABELS: Labels = { it: [], en: [] };

/** A clickable can carry a step's label only if its raw text has one of these words. */
export const STEP_ANCHORS = /* @__PURE__ */ anchorWords(() => ARUBA_STEPS.flatMap((step) => labelsIn(step.labels)));

/**
 * A change to the page can matter to the guide only if the text it adds, removes or restyles has
 * one of these words: a step's label, a state's title or phrase. The rest of a busy inbox's
 * changes are not looked at.
 */
export const WATCH_WORDS = /* @__PURE__ */ anchorWords(
  () => ARUBA_STEPS.flatMap((step) => labelsIn(step.labels)),
  () => ARUBA_STATES.flatMap((state) => [...labelsIn(state.titles ?? NO_LABELS), ...labelsIn(state.phrases ?? NO_LABELS)]),
);
