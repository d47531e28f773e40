import { isArubaHost } from './aruba-hosts';

/** The kinds of Aruba page the extension knows, recognized from the URL alone. */
export type ArubaPageKind = 'webmail' | 'account' | 'login' | 'other-aruba';

export function recognizeArubaPage(url: string): ArubaPageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !isArubaHost(parsed.hostname)) return null;
  const host = parsed.hostname.toLowerCase();
  if (host === 'webmail.pec.it' || (host === 'www.startpec.it' && parsed.pathname.includes('/webmail'))) return 'webmail';
  if (host === 'account.aruba.it' && parsed.pathname.startsWith('/pec')) return 'account';
  if (host === 'login.aruba.it') return 'login';
  return 'other-aruba';
}
