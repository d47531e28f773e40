import { isArubaHost } from '../../utils/aruba/hosts';
import { shiftFixtureDates } from './fixture-dates';
import { readReplicaPage } from './replica-page';
import { fixtureFor } from './site';

/** How the tests answer one request, whatever browser and driver carry it out. */
export type ReplicaAnswer =
  | { action: 'fulfill'; status: number; contentType: string; body: string }
  /** Any other web request: refused, and the test fails because it was attempted. */
  | { action: 'abort' }
  /** The browser's own schemes (extension pages, data: URLs): not the network, left alone. */
  | { action: 'continue' };

/**
 * Aruba's URLs are answered with the replica pages, their dates moved to today; an Aruba URL
 * with no replica is a 404; every other http(s) request is aborted, so nothing reaches Aruba or
 * the internet.
 */
export function replicaAnswer(href: string): ReplicaAnswer {
  const url = new URL(href);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { action: 'continue' };
  if (url.protocol !== 'https:' || !isArubaHost(url.hostname)) return { action: 'abort' };
  const page = fixtureFor(url.href);
  if (!page) return { action: 'fulfill', status: 404, contentType: 'text/plain', body: `No replica for ${url.href}` };
  const body = shiftFixtureDates(readReplicaPage(page.file));
  return { action: 'fulfill', status: 200, contentType: 'text/html; charset=utf-8', body };
}
