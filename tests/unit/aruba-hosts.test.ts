import { describe, expect, it } from 'vitest';
import { ARUBA_HOSTS, ARUBA_MATCH_PATTERNS, ARUBA_SITES, isArubaHost, isArubaPage } from '@/utils/aruba/hosts';
import { ARUBA_STATES, ARUBA_STEPS, matchesUrl, type UrlPattern } from '@/utils/aruba/steps';
import { matchedByAny } from '../harness/match-pattern';
import { FIXTURE_PAGES } from '../harness/site';
import { UNSEEN_ROUTES } from '../harness/unseen-pages';

/** Everywhere the step table says a step, a state, the expiry or the mailbox may be. */
const TABLE: readonly UrlPattern[] = [...ARUBA_STEPS, ...ARUBA_STATES].flatMap((entry) => entry.where);

/** Aruba's own domains: a page there is known by what it shows, whatever its path (issue 11). */
const ARUBA_OWN = /(^|\.)(aruba\.it|pec\.it)$/;

/** Paths a reseller's public site has, or may have, beside its WebMail; and the WebMail's own. */
const SAMPLE_PATHS = [
  '/',
  '/it/',
  '/it/index.html',
  '/prodotti/pec',
  '/it/assistenza/guide/webmail-pec',
  '/shop/webmail-offerta',
  '/?next=/webmail',
  '/it/?ref=webmail',
  '/webmail',
  '/webmail/',
  '/webmail/new/messages/INBOX?mail_pnum=1',
  '/it/webmail',
  '/it/webmail/app',
  '/en/webmail',
  '/en/webmail/settings?lang=en',
];

describe('the Aruba hosts', () => {
  it.each(['webmail.pec.it', 'ACCOUNT.aruba.it', 'login.aruba.it', 'www.startpec.it'])('%s is one', (host) => {
    expect(isArubaHost(host)).toBe(true);
  });

  it.each(['example.com', 'webmail.pec.it.evil.example', 'evil-webmail.pec.it', 'aruba.it'])('%s is not', (host) => {
    expect(isArubaHost(host)).toBe(false);
  });

  it('become https match patterns, nothing wider than a host', () => {
    expect(ARUBA_HOSTS).toEqual(ARUBA_SITES.map((site) => site.host));
    expect(ARUBA_MATCH_PATTERNS.join()).not.toMatch(/\*\.|<all_urls>|http:|:\/\/\*/);
    for (const pattern of ARUBA_MATCH_PATTERNS) expect(pattern).toMatch(/^https:\/\/[a-z.]+\/[^*]*\*$/);
  });
});

/**
 * The content script's matches (and the host permissions, the same list) against the step table:
 * the extension runs where a step, a state, the expiry or the mailbox can be, and nowhere else.
 */
describe('the manifest matches and the step table', () => {
  it('name exactly the hosts the step table uses', () => {
    const tableHosts = new Set(TABLE.map((pattern) => pattern.host));
    const matchHosts = new Set(ARUBA_MATCH_PATTERNS.map((pattern) => new URL(pattern.replace(/\*/g, 'x')).hostname));
    expect([...matchHosts].sort()).toEqual([...tableHosts].sort());
    expect([...tableHosts].sort()).toEqual([...ARUBA_HOSTS].sort());
  });

  it("keep every path of Aruba's own hosts and of a host the table takes whole", () => {
    for (const host of ARUBA_HOSTS) {
      const whole = ARUBA_OWN.test(host) || TABLE.some((pattern) => pattern.host === host && !pattern.path);
      if (whole) expect(ARUBA_MATCH_PATTERNS.filter((pattern) => pattern.includes(`//${host}/`))).toEqual([`https://${host}/*`]);
    }
  });

  it("on a reseller's public site, run on exactly the paths the step table names (www.startpec.it: its WebMail)", () => {
    const limited = ARUBA_HOSTS.filter((host) => !ARUBA_OWN.test(host) && TABLE.every((pattern) => pattern.host !== host || pattern.path));
    expect(limited).toEqual(['www.startpec.it']);
    for (const host of limited) {
      for (const path of SAMPLE_PATHS) {
        const url = new URL(`https://${host}${path}`);
        expect({ url: url.href, matched: matchedByAny(ARUBA_MATCH_PATTERNS, url) }).toEqual({ url: url.href, matched: matchesUrl(TABLE, url) });
        expect(isArubaPage(url)).toBe(matchesUrl(TABLE, url));
      }
    }
    expect(matchedByAny(ARUBA_MATCH_PATTERNS, new URL('https://www.startpec.it/'))).toBe(false);
  });

  it('reach every replica page, the unseen ones too', () => {
    for (const { url } of [...FIXTURE_PAGES, ...UNSEEN_ROUTES]) {
      expect({ url, matched: matchedByAny(ARUBA_MATCH_PATTERNS, new URL(url)) }).toEqual({ url, matched: true });
      expect(isArubaPage(new URL(url))).toBe(true);
    }
  });
});

describe('isArubaPage', () => {
  it.each([
    ['https://webmail.pec.it/new/messages/INBOX', true],
    ['https://login.aruba.it/anything', true],
    ['https://www.startpec.it/it/webmail', true],
    ['https://www.startpec.it/it/prodotti', false],
    ['http://webmail.pec.it/', false],
    ['https://webmail.pec.it.evil.example/', false],
  ])('%s → %s', (url, expected) => {
    expect(isArubaPage(new URL(url))).toBe(expected);
  });
});
