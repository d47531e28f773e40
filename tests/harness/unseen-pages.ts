import type { StateId, StepId } from '../../utils/aruba/steps';

/**
 * Replica pages the detector was never tuned on (tests/fixtures/pages/unseen/), written apart
 * from it from ../shared/aruba-ui.md and the seeds the way Aruba's developers would build them,
 * with what each must make the product say. Issue 14: each class of failure seen on pages like
 * these, on both renewal paths where it applies.
 *
 * The expectations live here and in `data-replica-*` attributes on the pages, which the product
 * must never read (a unit test greps for them, and the unit suites strip them before looking):
 * - `data-replica-expect="<step id>"`: the element a person clicks for that step;
 * - `data-replica-lure="<kind>"`: page content that is not Aruba's interface (a message, its
 *   header, a frame, an editable area, the message list);
 * - `data-replica-layer`: one of Aruba's own modal layers (cookie consent, wizard, notice);
 * - `data-replica-click="<name>"`: what the test clicks, as the user would, before looking.
 */

export type UnseenClass =
  | 'new-webmail' // §2: custom elements, a user menu with no role, drawn late
  | 'mailbox' // §1: the mailbox from Aruba's own interface, never from a message
  | 'which-step' // §3: the step a page is for, by what it shows
  | 'stand-down' // §4: an expiry far away, or near
  | 'not-aruba' // §5: messages, frames, editable areas, links off Aruba
  | 'date-only' // §6: the date and nothing else
  | 'layers' // §7: Aruba's own modal layers over the target
  | 'sign-in';

/**
 * What the page shows once drawn (and after `before`): a step (its target marked on the page), a
 * state, nothing to click, or a step whose target one of Aruba's modal layers covers (then no
 * step may be shown; a state is allowed only when it names that layer).
 */
export type Shows = StepId | `state:${StateId}` | 'none' | `covered:${StepId}`;

export interface UnseenCase {
  /** Unique, used as the test name. */
  name: string;
  url: string;
  /** Under tests/fixtures/pages/. */
  file: string;
  lang: 'it' | 'en';
  path: 'webmail' | 'account';
  classes: UnseenClass[];
  /** `data-replica-click` names clicked in order before looking. */
  before?: string[];
  shows: Shows;
  /** The step the page is for when its target is missing (renamed): the card's «Passo N». */
  pageStep?: StepId;
  /** The mailbox the page names in Aruba's interface, or null when it names none. */
  mailbox: string | null;
  /** The page names the mailbox only in a way the product may or may not take (null is fine too). */
  mailboxOptional?: true;
  /** The app password's expiry exactly as the page writes it, or null when none may be read. */
  expiry: string | null;
  /** A time the page writes right after the date: the text may end with it. */
  time?: string;
  /** The date is on the page, but reading it is not required here (null is fine too). */
  expiryOptional?: true;
}

const NEW_APP = 'unseen/webmail-new-app.html';
const OLD_MAIL = 'unseen/webmail-old-mail.html';
const OLD_SETTINGS = 'unseen/webmail-old-settings.html';
const GM_SECURITY = 'unseen/gestionemail-security.html';
const GM_TWO_STEP = 'unseen/gestionemail-two-step.html';
const ACCOUNT_APP = 'unseen/account-pec-app.html';
const KEYCLOAK = 'unseen/keycloak.html';

const MAILBOX = 'mario.rossi@pec.it';
const NEW_INBOX = 'https://webmail.pec.it/new/messages/INBOX?mail_pnum=1';
const GM_WINDOW = 'https://gestionemail.pec.it/gestionemail/account/security/two-step/app-password';
const ACCOUNT_APP_PASSWORDS = 'https://account.aruba.it/pec/sicurezza/password-programmi-di-posta';

const newWebmail = (name: string, url: string, more: Partial<UnseenCase> & Pick<UnseenCase, 'shows'>): UnseenCase => ({
  name,
  url,
  file: NEW_APP,
  lang: url.includes('lang=en') ? 'en' : 'it',
  path: 'account',
  classes: ['new-webmail'],
  mailbox: MAILBOX,
  expiry: null,
  ...more,
});

const gmWindow = (layout: string, more: Partial<UnseenCase> = {}): UnseenCase => ({
  name: `old path: password window, ${layout}${more.lang === 'en' ? ', English' : ''}`,
  url: `${GM_WINDOW}?layout=${layout}${more.lang === 'en' ? '&lang=en' : ''}`,
  file: GM_TWO_STEP,
  lang: 'it',
  path: 'webmail',
  classes: ['date-only'],
  shows: 'state:password-shown',
  mailbox: null,
  expiry: '23/02/2027',
  ...more,
});

const accountWindow = (layout: string, more: Partial<UnseenCase> = {}): UnseenCase => ({
  name: `account path: password window, ${layout}${more.lang === 'en' ? ', English' : ''}`,
  url: `${ACCOUNT_APP_PASSWORDS}?finestra=${layout}${more.lang === 'en' ? '&lang=en' : ''}`,
  file: ACCOUNT_APP,
  lang: 'it',
  path: 'account',
  classes: ['date-only'],
  before: ['generate'],
  shows: 'state:password-shown',
  mailbox: MAILBOX,
  expiry: '21/02/2027',
  ...more,
});

export const UNSEEN_CASES: UnseenCase[] = [
  // §2 The new WebMail: the user menu is a custom element with no role, named by the address.
  newWebmail('new WebMail: user menu named by title', NEW_INBOX, { shows: 'account-user-menu', classes: ['new-webmail', 'mailbox'] }),
  newWebmail('new WebMail: Gestione account in the open menu', NEW_INBOX, { before: ['user-menu'], shows: 'account-open' }),
  newWebmail('new WebMail, English: user menu named by aria-label', `${NEW_INBOX}&lang=en`, {
    shows: 'account-user-menu',
    classes: ['new-webmail', 'mailbox'],
  }),
  newWebmail('new WebMail, English: Manage account in the open menu', `${NEW_INBOX}&lang=en`, { before: ['user-menu'], shows: 'account-open' }),
  newWebmail('reseller WebMail: user menu', 'https://www.startpec.it/webmail/new/messages/INBOX?mail_pnum=1', { shows: 'account-user-menu' }),
  newWebmail('reseller WebMail: Gestisci account in the open menu', 'https://www.startpec.it/webmail/new/messages/INBOX?mail_pnum=1', {
    before: ['user-menu'],
    shows: 'account-open',
  }),
  newWebmail('new WebMail: settings, Sicurezza e password', 'https://webmail.pec.it/new/settings/mailbox', {
    path: 'webmail',
    classes: ['new-webmail', 'mailbox'],
    shows: 'webmail-security',
  }),

  // §5 Page content is not Aruba, in the new WebMail.
  newWebmail('new WebMail: phishing message in the reading pane', 'https://webmail.pec.it/new/messages/INBOX/4711?mail_pnum=1', {
    classes: ['not-aruba', 'mailbox'],
    shows: 'account-user-menu',
  }),
  newWebmail("new WebMail: Aruba's newsletter linking to Aruba", 'https://webmail.pec.it/new/messages/INBOX/4712?mail_pnum=1', {
    classes: ['not-aruba'],
    shows: 'account-user-menu',
  }),
  newWebmail('new WebMail: message in a frame', 'https://webmail.pec.it/new/messages/INBOX/4713?mail_pnum=1', {
    classes: ['not-aruba'],
    shows: 'account-user-menu',
  }),
  newWebmail('new WebMail: compose body with a pasted password window', 'https://webmail.pec.it/new/compose?mail_pnum=1', {
    classes: ['not-aruba', 'date-only'],
    shows: 'account-user-menu',
  }),

  // §7 Aruba's own layers over the new WebMail; closing them reveals the target.
  newWebmail('new WebMail: cookie consent over the page', `${NEW_INBOX}&notice=cookiebot`, {
    classes: ['layers'],
    shows: 'covered:account-user-menu',
  }),
  newWebmail('new WebMail: cookie consent accepted (Ok)', `${NEW_INBOX}&notice=cookiebot`, {
    classes: ['layers'],
    before: ['notice-close'],
    shows: 'account-user-menu',
  }),
  newWebmail('new WebMail: welcome wizard over the page', `${NEW_INBOX}&notice=welcome`, { classes: ['layers'], shows: 'covered:account-user-menu' }),
  newWebmail('new WebMail: welcome wizard closed (Non ora)', `${NEW_INBOX}&notice=welcome`, {
    classes: ['layers'],
    before: ['notice-close'],
    shows: 'account-user-menu',
  }),
  newWebmail('new WebMail: «Adegua la tua PEC» over the page', `${NEW_INBOX}&notice=adegua`, {
    classes: ['layers'],
    shows: 'covered:account-user-menu',
  }),
  newWebmail('new WebMail: «Adegua la tua PEC» closed (Ricordarmelo)', `${NEW_INBOX}&notice=adegua`, {
    classes: ['layers'],
    before: ['notice-close'],
    shows: 'account-user-menu',
  }),
  newWebmail('new WebMail, English: notice over the page', `${NEW_INBOX}&lang=en&notice=adegua`, {
    classes: ['layers'],
    shows: 'covered:account-user-menu',
  }),
  newWebmail('new WebMail, English: notice closed (Remind me)', `${NEW_INBOX}&lang=en&notice=adegua`, {
    classes: ['layers'],
    before: ['notice-close'],
    shows: 'account-user-menu',
  }),

  // The old WebMail: messages in the reading pane, a notice, settings naming the mailbox.
  {
    name: 'old WebMail: phishing message with a password window in it',
    url: 'https://webmail.pec.it/mail/?_folder=INBOX&_uid=4711',
    file: OLD_MAIL,
    lang: 'it',
    path: 'webmail',
    classes: ['not-aruba', 'mailbox'],
    shows: 'webmail-settings',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: "old WebMail: Aruba's newsletter linking to Aruba",
    url: 'https://webmail.pec.it/mail/?_folder=INBOX&_uid=4712',
    file: OLD_MAIL,
    lang: 'it',
    path: 'webmail',
    classes: ['not-aruba'],
    shows: 'webmail-settings',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: 'old WebMail: message in a frame, the top bar naming the holder only',
    url: 'https://webmail.pec.it/mail/?_folder=INBOX&_uid=4713',
    file: OLD_MAIL,
    lang: 'it',
    path: 'webmail',
    classes: ['not-aruba', 'mailbox'],
    shows: 'webmail-settings',
    mailbox: null,
    expiry: null,
  },
  {
    name: 'old WebMail: «Adegua la tua PEC» over the top bar',
    url: 'https://webmail.pec.it/mail/?_folder=INBOX&_notice=adegua',
    file: OLD_MAIL,
    lang: 'it',
    path: 'webmail',
    classes: ['layers'],
    shows: 'covered:webmail-settings',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: 'old WebMail: «Adegua la tua PEC» closed (Capito)',
    url: 'https://webmail.pec.it/mail/?_folder=INBOX&_notice=adegua',
    file: OLD_MAIL,
    lang: 'it',
    path: 'webmail',
    classes: ['layers'],
    before: ['notice-close'],
    shows: 'webmail-settings',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: 'old WebMail: settings, mailbox only in «Informazioni casella»',
    url: 'https://webmail.pec.it/mail/?_task=settings&_section=info',
    file: OLD_SETTINGS,
    lang: 'it',
    path: 'webmail',
    classes: ['mailbox'],
    shows: 'webmail-security',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: 'old WebMail, English: settings, mailbox only in «Mailbox information»',
    url: 'https://webmail.pec.it/mail/?_task=settings&_section=info&_lang=en',
    file: OLD_SETTINGS,
    lang: 'en',
    path: 'webmail',
    classes: ['mailbox'],
    shows: 'webmail-security',
    mailbox: MAILBOX,
    expiry: null,
  },

  // §3 Which step a page is, by what it shows: new paths and hosts, renamed buttons.
  {
    name: 'Sicurezza e password at a new path',
    url: 'https://gestionemail.pec.it/gestionemail/account/security',
    file: GM_SECURITY,
    lang: 'it',
    path: 'webmail',
    classes: ['which-step', 'date-only'],
    shows: 'webmail-manage',
    mailbox: null,
    expiry: '15/02/2027',
  },
  {
    name: 'Security and password on another Aruba host, English',
    url: 'https://areaclienti.pec.it/pec/account/sicurezza?lang=en',
    file: GM_SECURITY,
    lang: 'en',
    path: 'webmail',
    classes: ['which-step', 'date-only'],
    shows: 'webmail-manage',
    mailbox: null,
    expiry: 'February 15, 2027',
  },
  {
    name: 'Verifica in 2 passaggi at a new URL, generate button renamed',
    url: 'https://gestionemail.pec.it/gestionemail/account/security/two-step',
    file: GM_TWO_STEP,
    lang: 'it',
    path: 'webmail',
    classes: ['which-step'],
    shows: 'none',
    pageStep: 'webmail-generate',
    mailbox: null,
    expiry: null,
  },
  {
    name: '2-step verification at a new URL, generate button renamed, English',
    url: 'https://gestionemail.pec.it/gestionemail/account/security/two-step?lang=en',
    file: GM_TWO_STEP,
    lang: 'en',
    path: 'webmail',
    classes: ['which-step'],
    shows: 'none',
    pageStep: 'webmail-generate',
    mailbox: null,
    expiry: null,
  },

  // §6 The date and nothing else, in the old path's password window (server-rendered, open at load).
  gmWindow('riga'),
  gmWindow('testo'),
  gmWindow('fratelli'),
  gmWindow('tabella'),
  gmWindow('ora', { time: '23:59' }),
  gmWindow('copia'),
  gmWindow('ora', { lang: 'en', expiry: 'February 23, 2027', time: '11:59 PM' }),

  // Gestione account: a console with a left menu, at deeper routes.
  {
    name: 'Gestione account: dashboard',
    url: 'https://account.aruba.it/pec/dashboard',
    file: ACCOUNT_APP,
    lang: 'it',
    path: 'account',
    classes: ['which-step', 'mailbox'],
    shows: 'account-app-passwords',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: 'Gestione account, English: dashboard',
    url: 'https://account.aruba.it/pec/dashboard?lang=en',
    file: ACCOUNT_APP,
    lang: 'en',
    path: 'account',
    classes: ['which-step', 'mailbox'],
    shows: 'account-app-passwords',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: 'Gestione account: notice over the left menu',
    url: 'https://account.aruba.it/pec/dashboard?avviso=1',
    file: ACCOUNT_APP,
    lang: 'it',
    path: 'account',
    classes: ['layers'],
    shows: 'covered:account-app-passwords',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: 'Gestione account: notice closed (Ok)',
    url: 'https://account.aruba.it/pec/dashboard?avviso=1',
    file: ACCOUNT_APP,
    lang: 'it',
    path: 'account',
    classes: ['layers'],
    before: ['notice-close'],
    shows: 'account-app-passwords',
    mailbox: MAILBOX,
    expiry: null,
  },
  {
    name: 'Gestione account: Attiva at a deeper route',
    url: ACCOUNT_APP_PASSWORDS,
    file: ACCOUNT_APP,
    lang: 'it',
    path: 'account',
    classes: ['which-step'],
    shows: 'account-activate',
    mailbox: MAILBOX,
    expiry: null,
  },

  // §6 on the account path: the window opens on «Attiva».
  accountWindow('colonne'),
  accountWindow('blocco'),
  accountWindow('ora', { time: '23:59' }),
  accountWindow('fratello'),
  accountWindow('testo', { lang: 'en', expiry: 'February 21, 2027' }),

  // §4 Stand down: the current password's expiry far away (75 days) and near (3 days).
  {
    name: 'Gestione account: expiry 75 days away, Genera nuova password',
    url: `${ACCOUNT_APP_PASSWORDS}?stato=attiva&scadenza=lontana`,
    file: ACCOUNT_APP,
    lang: 'it',
    path: 'account',
    classes: ['stand-down', 'date-only'],
    shows: 'account-generate-new',
    mailbox: MAILBOX,
    expiry: '06/02/2027',
  },
  {
    name: 'Gestione account: expiry 3 days away, Genera nuova password',
    url: `${ACCOUNT_APP_PASSWORDS}?stato=attiva&scadenza=vicina`,
    file: ACCOUNT_APP,
    lang: 'it',
    path: 'account',
    classes: ['stand-down', 'date-only'],
    shows: 'account-generate-new',
    mailbox: MAILBOX,
    expiry: '26/11/2026',
  },
  {
    name: 'Gestione account: Genera nuova password renamed',
    url: `${ACCOUNT_APP_PASSWORDS}?stato=attiva&rinominato=1`,
    file: ACCOUNT_APP,
    lang: 'it',
    path: 'account',
    classes: ['which-step'],
    shows: 'none',
    pageStep: 'account-generate-new',
    mailbox: MAILBOX,
    expiry: '21/02/2027',
    expiryOptional: true,
  },

  // Sign-in (Keycloak): the password field filled by the browser, the wait for the phone.
  {
    name: 'sign-in form, password filled in by the browser',
    url: 'https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth?client_id=webmail-pec&response_type=code&scope=openid',
    file: KEYCLOAK,
    lang: 'it',
    path: 'account',
    classes: ['sign-in'],
    shows: 'state:sign-in',
    mailbox: null,
    expiry: null,
  },
  {
    name: 'approval on the phone, naming the user signing in',
    url: 'https://login.aruba.it/auth/realms/pec/login-actions/authenticate?session_code=Qx7&execution=a1b2&client_id=webmail-pec&tab_id=T9',
    file: KEYCLOAK,
    lang: 'it',
    path: 'account',
    classes: ['sign-in', 'mailbox'],
    shows: 'state:approve-on-phone',
    mailbox: MAILBOX,
    mailboxOptional: true,
    expiry: null,
  },
];

export function unseenCase(name: string): UnseenCase {
  const found = UNSEEN_CASES.find((entry) => entry.name === name);
  if (!found) throw new Error(`no unseen case named ${name}`);
  return found;
}

/** The unseen pages by URL, for the one routing table (tests/harness/site.ts `fixtureFor`). */
export const UNSEEN_ROUTES: { url: string; file: string; lang: 'it' | 'en' }[] = [
  ...new Map(UNSEEN_CASES.map((entry) => [entry.url, { url: entry.url, file: entry.file, lang: entry.lang }])).values(),
];
