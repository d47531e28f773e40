import { describe, expect, it } from 'vitest';
import { ARUBA_HOSTS, ARUBA_MATCH_PATTERNS, isArubaHost } from '@/utils/aruba/hosts';

describe('the Aruba hosts', () => {
  it.each(['webmail.pec.it', 'ACCOUNT.aruba.it', 'login.aruba.it', 'www.startpec.it'])('%s is one', (host) => {
    expect(isArubaHost(host)).toBe(true);
  });

  it.each(['example.com', 'webmail.pec.it.evil.example', 'evil-webmail.pec.it', 'aruba.it'])('%s is not', (host) => {
    expect(isArubaHost(host)).toBe(false);
  });

  it('become https match patterns, one per host and nothing wider', () => {
    expect(ARUBA_MATCH_PATTERNS).toEqual(ARUBA_HOSTS.map((host) => `https://${host}/*`));
    expect(ARUBA_MATCH_PATTERNS.join()).not.toMatch(/\*\.|<all_urls>|http:/);
  });
});
