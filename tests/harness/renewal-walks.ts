import { ARUBA_STEPS, pathLength, pathWalk, type ArubaPath, type StepId } from '../../utils/aruba/steps';
import type { Language } from '../../utils/i18n/translate';

/**
 * The two renewal paths as a user walks them on the replicas, in each language: where the walk
 * starts, the steps the guide highlights and what it says on the way. Shared by the Chromium
 * and the Firefox walks, so that both browsers are held to the same page.
 */
export interface RenewalWalk {
  name: string;
  path: ArubaPath;
  uiLocale: string;
  start: string;
  steps: readonly StepId[];
  /** The new password's expiry in the replica window, on the day the replicas were written. */
  expiry: string;
  stepLine: (id: StepId) => string;
  copyNow: string;
  saved: (date: string) => string;
}

/** The card's first line at a step, as the locale files write it: «Passo 2 di 4». */
export function stepLineOf(id: StepId, lang: Language = 'it'): string {
  const step = ARUBA_STEPS.find((candidate) => candidate.id === id)!;
  return lang === 'it' ? `Passo ${step.ordinal} di ${pathLength(step.path)}` : `Step ${step.ordinal} of ${pathLength(step.path)}`;
}

const ITALIAN = {
  uiLocale: 'it-IT',
  stepLine: (id: StepId) => stepLineOf(id, 'it'),
  copyNow: 'Premi «Copia» ora',
  saved: (date: string) => `Scadenza registrata per mario.rossi@pec.it: ${date} — ti avviseremo 14, 7, 3 e 1 giorno prima`,
};
const ENGLISH = {
  uiLocale: 'en-US',
  stepLine: (id: StepId) => stepLineOf(id, 'en'),
  copyNow: 'Click «Copy» now',
  saved: (date: string) => `Expiry saved for mario.rossi@pec.it: ${date} — we will remind you 14, 7, 3, and 1 day before`,
};
const WEBMAIL = { path: 'webmail', steps: pathWalk('webmail'), expiry: '2027-02-23' } as const;
const ACCOUNT = { path: 'account', steps: pathWalk('account'), expiry: '2027-02-21' } as const;

export const RENEWAL_WALKS: readonly RenewalWalk[] = [
  { name: 'old WebMail, Italian', ...ITALIAN, ...WEBMAIL, start: 'https://webmail.pec.it/' },
  { name: 'old WebMail, English', ...ENGLISH, ...WEBMAIL, start: 'https://webmail.pec.it/?lang=en' },
  { name: 'Gestione account, Italian', ...ITALIAN, ...ACCOUNT, start: 'https://webmail.pec.it/new/messages/INBOX' },
  { name: 'Gestione account, English', ...ENGLISH, ...ACCOUNT, start: 'https://webmail.pec.it/new/messages/INBOX?lang=en' },
];

/** The mailbox the replicas show. */
export const REPLICA_MAILBOX = 'mario.rossi@pec.it';
