import { UNSEEN_ROUTES } from './unseen-pages';

/**
 * The replica of Aruba's pages: which fixture file answers which Aruba URL. The e2e tests and
 * the demo route Aruba's hosts here; anything not listed answers 404, anything not Aruba is
 * aborted. Pages are written from ../shared/aruba-ui.md (the real markup is not known); class
 * names in them are made up and nothing may depend on them.
 */
export interface FixturePage {
  /** Full https URL without the hash; the query string is part of the match. */
  url: string;
  /** File under tests/fixtures/pages/. */
  file: string;
  lang: 'it' | 'en';
  /** What the page shows, as step and state ids of utils/aruba/steps.ts, in the order a user meets them. */
  shows: string[];
  /** The app password's expiry as the page writes it (in its password window, if it has one); fixed dates. */
  expiry?: string;
}

export const FIXTURE_PAGES: FixturePage[] = [
  // Old WebMail (seed 000).
  { url: 'https://webmail.pec.it/', file: 'webmail-old-inbox.html', lang: 'it', shows: ['webmail-settings'] },
  { url: 'https://webmail.pec.it/?lang=en', file: 'webmail-old-inbox-en.html', lang: 'en', shows: ['webmail-settings'] },
  { url: 'https://webmail.pec.it/settings', file: 'webmail-old-settings.html', lang: 'it', shows: ['webmail-security'] },
  { url: 'https://webmail.pec.it/settings?lang=en', file: 'webmail-old-settings-en.html', lang: 'en', shows: ['webmail-security'] },
  // The same settings page, whose «Sicurezza e password» opens the pages below that name no mailbox.
  { url: 'https://webmail.pec.it/settings?scheda=senza-casella', file: 'webmail-old-settings.html', lang: 'it', shows: ['webmail-security'] },
  // "Sicurezza e password" opens a new tab; the replica puts it on the GestioneMail host.
  {
    url: 'https://gestionemail.pec.it/sicurezza-e-password',
    file: 'webmail-security.html',
    lang: 'it',
    shows: ['webmail-manage'],
    expiry: '15/02/2027',
  },
  {
    url: 'https://gestionemail.pec.it/sicurezza-e-password?lang=en',
    file: 'webmail-security-en.html',
    lang: 'en',
    shows: ['webmail-manage'],
    expiry: 'February 15, 2027',
  },
  {
    url: 'https://gestionemail.pec.it/verifica-in-2-passaggi',
    file: 'webmail-two-step.html',
    lang: 'it',
    shows: ['webmail-generate', 'password-shown'],
    expiry: '23/02/2027',
  },
  {
    url: 'https://gestionemail.pec.it/verifica-in-2-passaggi?lang=en',
    file: 'webmail-two-step-en.html',
    lang: 'en',
    shows: ['webmail-generate', 'password-shown'],
    expiry: '23/02/2027',
  },
  // The same two pages naming no mailbox: whose expiry they show must come from the tab's context.
  {
    url: 'https://gestionemail.pec.it/sicurezza-e-password?casella=nascosta',
    file: 'webmail-security.html',
    lang: 'it',
    shows: ['webmail-manage'],
    expiry: '15/02/2027',
  },
  {
    url: 'https://gestionemail.pec.it/verifica-in-2-passaggi?casella=nascosta',
    file: 'webmail-two-step.html',
    lang: 'it',
    shows: ['webmail-generate', 'password-shown'],
    expiry: '23/02/2027',
  },
  // New WebMail: custom elements with open shadow roots, drawn a second after load.
  {
    url: 'https://webmail.pec.it/new/messages/INBOX',
    file: 'webmail-new-inbox.html',
    lang: 'it',
    shows: ['account-user-menu', 'account-open', 'webmail-settings'],
  },
  {
    url: 'https://webmail.pec.it/new/messages/INBOX?lang=en',
    file: 'webmail-new-inbox-en.html',
    lang: 'en',
    shows: ['account-user-menu', 'account-open', 'webmail-settings'],
  },
  // Sign-in (Keycloak realm "pec") and the wait for the phone's approval.
  {
    url: 'https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth',
    file: 'login-sign-in.html',
    lang: 'it',
    shows: ['sign-in'],
  },
  {
    url: 'https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth?ui_locales=en',
    file: 'login-sign-in-en.html',
    lang: 'en',
    shows: ['sign-in'],
  },
  {
    url: 'https://login.aruba.it/auth/realms/pec/login-actions/authenticate',
    file: 'login-approve.html',
    lang: 'it',
    shows: ['approve-on-phone'],
  },
  {
    url: 'https://login.aruba.it/auth/realms/pec/login-actions/authenticate?ui_locales=en',
    file: 'login-approve-en.html',
    lang: 'en',
    shows: ['approve-on-phone'],
  },
  // Gestione account: a hash-routed console (#/password-programmi), first visit, then after "Attiva".
  {
    url: 'https://account.aruba.it/pec',
    file: 'account-console.html',
    lang: 'it',
    shows: ['account-app-passwords', 'account-activate', 'password-shown', 'account-generate-new'],
    expiry: '21/02/2027',
  },
  {
    url: 'https://account.aruba.it/pec?lang=en',
    file: 'account-console-en.html',
    lang: 'en',
    shows: ['account-app-passwords', 'account-activate', 'password-shown', 'account-generate-new'],
    expiry: '21 February 2027',
  },
  // The console naming no mailbox, as a renewal started from the popup may find it after the sign-in.
  {
    url: 'https://account.aruba.it/pec?casella=nascosta',
    file: 'account-console.html',
    lang: 'it',
    shows: ['account-app-passwords', 'account-activate', 'password-shown', 'account-generate-new'],
    expiry: '21/02/2027',
  },
  // A later visit close to expiry, with the way to postpone it; and the warning variant.
  {
    url: 'https://account.aruba.it/pec?stato=in-scadenza',
    file: 'account-renew.html',
    lang: 'it',
    shows: ['account-app-passwords', 'account-generate-new', 'account-postpone'],
    expiry: '28/11/2026',
  },
  {
    url: 'https://account.aruba.it/pec?stato=in-scadenza&lang=en',
    file: 'account-renew-en.html',
    lang: 'en',
    shows: ['account-app-passwords', 'account-generate-new', 'account-postpone'],
    expiry: 'November 28, 2026',
  },
  // The same page with no mailbox anywhere on it: whose expiry it read comes from its context, or the popup asks.
  {
    url: 'https://account.aruba.it/pec?stato=in-scadenza&casella=nascosta',
    file: 'account-renew.html',
    lang: 'it',
    shows: ['account-app-passwords', 'account-generate-new', 'account-postpone'],
    expiry: '28/11/2026',
  },
  {
    url: 'https://account.aruba.it/pec?stato=protocolli-disattivati',
    file: 'account-protocols-disabled.html',
    lang: 'it',
    shows: ['protocols-disabled'],
  },
  // Made-up redesigns: a synonym the guide may only offer as a guess, and a label it cannot find.
  { url: 'https://gestionemail.pec.it/sicurezza-e-password?versione=2027', file: 'redesign-security-synonym.html', lang: 'it', shows: [] },
  { url: 'https://account.aruba.it/pec?versione=2027', file: 'redesign-account-renamed.html', lang: 'it', shows: [] },
  // The benchmark's heavy inbox (npm run bench): static until opened with #run, then 5,000
  // messages, a stream of DOM changes and «Impostazioni» appearing 20 times; /bench/idle has
  // nothing to guide.
  { url: 'https://webmail.pec.it/bench/inbox', file: 'bench-inbox.html', lang: 'it', shows: [] },
  { url: 'https://webmail.pec.it/bench/idle', file: 'bench-inbox.html', lang: 'it', shows: [] },
];

/** A password shown by the replica dialogs. It must never appear in anything the extension keeps or says. */
export const CANARY_PASSWORD = 'Canary-7f3Q9-zX2kL';

/** What the router and the happy-dom loader need to serve a URL. */
export type ReplicaRoute = Pick<FixturePage, 'url' | 'file' | 'lang'>;

/** The replica served at `url`: ours, or one of the unseen pages (tests/harness/unseen-pages.ts). */
export function fixtureFor(url: string): ReplicaRoute | undefined {
  const withoutHash = url.split('#')[0];
  return [...FIXTURE_PAGES, ...UNSEEN_ROUTES].find((page) => page.url === withoutHash);
}
