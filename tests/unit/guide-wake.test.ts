import { describe, expect, it } from 'vitest';
import { guideWake } from '@/utils/guide/guide-wake';
import type { GuideMode } from '@/utils/messaging/protocol';

/** When the loader loads the guide (issue 17), by the page's URL and the guide's mode. */

const QUIET: GuideMode = { mode: 'chip', expiry: '2027-02-15', daysLeft: 60 };
const ON: GuideMode = { mode: 'guide', reason: 'due' };
const wake = (url: string, mode: GuideMode = QUIET) => guideWake(new URL(url), mode);

describe('when the guide is loaded', () => {
  it.each([
    'https://account.aruba.it/pec',
    'https://gestionemail.pec.it/sicurezza-e-password',
    'https://gestionemail.startpec.it/verifica',
    'https://areaclienti.pec.it/',
    'https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth',
  ])('at once on %s, a page of the path people do not read all day, whatever the mode', (url) => {
    expect(wake(url)).toEqual({ now: true });
    expect(wake(url, { mode: 'quiet' })).toEqual({ now: true });
  });

  it('at once on the WebMail when the guide is on', () => {
    expect(wake('https://webmail.pec.it/', ON)).toEqual({ now: true });
    expect(wake('https://www.startpec.it/webmail/new/messages/INBOX', ON)).toEqual({ now: true });
  });

  it('on the WebMail with the guide quiet: on the headings of the path’s pages, or a click on the labels of its steps', () => {
    const webmail = wake('https://webmail.pec.it/new/messages/INBOX');
    if (webmail.now) throw new Error('the WebMail loaded the guide at once');
    expect(webmail.labels).toEqual(
      expect.arrayContaining(['impostazioni', 'settings', 'sicurezza e password', 'gestione account', 'genera password per programmi di posta']),
    );
    // Gestione account's own steps are never on the WebMail.
    expect(webmail.labels).not.toContain('attiva');
    expect(webmail.headings).toEqual(
      expect.arrayContaining([
        'informazioni casella',
        'sicurezza e password',
        'usa la pec anche sui programmi di posta',
        'genera password per programmi di posta',
      ]),
    );
  });

  it('never where nothing of the path can be: the sign-in of another realm, a reseller’s public pages', () => {
    for (const url of ['https://login.aruba.it/auth/realms/hosting/login', 'https://www.startpec.it/prezzi']) {
      expect(wake(url, ON)).toEqual({ now: false, headings: [], labels: [] });
    }
  });
});
