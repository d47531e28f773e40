import { describe, expect, it } from 'vitest';
import { recognizeArubaPage } from '@/utils/aruba-pages';

describe('recognizeArubaPage', () => {
  it.each([
    ['https://webmail.pec.it/new/messages/INBOX', 'webmail'],
    ['https://webmail.pec.it/settings', 'webmail'],
    ['https://www.startpec.it/it/webmail', 'webmail'],
    ['https://account.aruba.it/pec', 'account'],
    ['https://account.aruba.it/pec/password-programmi', 'account'],
    ['https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth', 'login'],
    ['https://gestionemail.pec.it/', 'other-aruba'],
    ['https://account.aruba.it/hosting', 'other-aruba'],
  ])('%s is %s', (url, kind) => {
    expect(recognizeArubaPage(url)).toBe(kind);
  });

  it.each([
    'https://example.com/pec',
    'http://webmail.pec.it/',
    'https://webmail.pec.it.evil.example/',
    'not a url',
  ])('ignores %s', (url) => {
    expect(recognizeArubaPage(url)).toBeNull();
  });
});
