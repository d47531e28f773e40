/**
 * The Aruba hosts the extension works on (see ../shared/aruba-ui.md). The manifest's content
 * script matches are derived from this list and nothing else, so adding a host is one line.
 */
export const ARUBA_HOSTS = [
  'webmail.pec.it', // WebMail PEC, old and /new/
  'account.aruba.it', // Gestione account PEC (/pec)
  'login.aruba.it', // sign-in (Keycloak realm "pec") and the phone approval
  'gestionemail.pec.it', // older GestioneMail panel
  'areaclienti.pec.it', // customer area
  'www.startpec.it', // reseller's branded copy (seed 002)
  'gestionemail.startpec.it',
] as const;

export type ArubaHost = (typeof ARUBA_HOSTS)[number];

export const ARUBA_MATCH_PATTERNS: string[] = ARUBA_HOSTS.map((host) => `https://${host}/*`);

export function isArubaHost(hostname: string): hostname is ArubaHost {
  return (ARUBA_HOSTS as readonly string[]).includes(hostname.toLowerCase());
}
