/**
 * Where the extension works (see ../shared/aruba-ui.md): each host, and on a host that serves
 * other things too (a reseller's public site) the paths its WebMail lives under. The manifest's
 * content script matches and host permissions are derived from this list and nothing else, so
 * adding a host is one line; tests/unit/aruba-hosts.test.ts ties it to the step table.
 *
 * Aruba's own hosts keep every path: nobody here has seen their URLs, and a page there is known by
 * what it shows. www.startpec.it is also a shop and a help site: the content script, the outline
 * and the messages a content script may send stay on its WebMail (`paths`, prefixes of the URL's
 * path, matching `WEBMAIL` in steps.ts).
 */
export const ARUBA_SITES = [
  { host: 'webmail.pec.it' }, // WebMail PEC, old and /new/
  { host: 'account.aruba.it' }, // Gestione account PEC (/pec)
  { host: 'login.aruba.it' }, // sign-in (Keycloak realm "pec") and the phone approval
  { host: 'gestionemail.pec.it' }, // older GestioneMail panel
  { host: 'areaclienti.pec.it' }, // customer area
  { host: 'www.startpec.it', paths: ['/webmail', '/it/webmail', '/en/webmail'] }, // reseller's branded WebMail (seed 002)
  { host: 'gestionemail.startpec.it' },
] as const satisfies readonly { host: string; paths?: readonly string[] }[];

// Pure: the loader, which needs none of these lists, leaves them out of its bundle.
export const ARUBA_HOSTS = /* @__PURE__ */ ARUBA_SITES.map((site) => site.host);

export type ArubaHost = (typeof ARUBA_SITES)[number]['host'];

/**
 * One pattern per host, or per WebMail path on a host that has `paths`. A browser matches a
 * pattern's path against the URL's path and query: "/it/webmail*" takes "/it/webmail?x=1" and
 * "/it/webmail/app", never "/?next=/it/webmail".
 */
export const ARUBA_MATCH_PATTERNS: string[] = /* @__PURE__ */ ARUBA_SITES.flatMap((site) =>
  'paths' in site ? site.paths.map((path) => `https://${site.host}${path}*`) : [`https://${site.host}/*`],
);

export function isArubaHost(hostname: string): hostname is ArubaHost {
  return (ARUBA_HOSTS as readonly string[]).includes(hostname.toLowerCase());
}

/** A page the content script runs on: https, a listed host, and on a host with `paths` one of them. */
export function isArubaPage(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const site = ARUBA_SITES.find((candidate) => candidate.host === host);
  if (url.protocol !== 'https:' || !site) return false;
  return !('paths' in site) || site.paths.some((path) => url.pathname.startsWith(path));
}
