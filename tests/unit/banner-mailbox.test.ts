import { describe, expect, it } from 'vitest';
import { readBannerMailbox } from '@/utils/page/banner-mailbox';
import { readAccountName } from '@/utils/page/read-mailbox';
import { FIXTURE_PAGES } from '../harness/site';
import { UNSEEN_CASES } from '../harness/unseen-pages';
import { clickMarked, takeMarks } from './replica-invariants';
import { openHtml, openReplica, withoutValueReads } from './replica-window';

/**
 * The loader's cheap reading of the mailbox (issue 17): the page's banner alone. Where it reads
 * one, it is the mailbox the whole-page reading finds; a message's header, sender or phishing
 * lure is never it.
 */

const MAILBOX = 'mario.rossi@pec.it';

describe('the mailbox in the page banner', () => {
  it.each([
    'https://webmail.pec.it/',
    'https://webmail.pec.it/settings',
    'https://gestionemail.pec.it/sicurezza-e-password',
    'https://account.aruba.it/pec',
  ])('is read from the top bar of %s', async (url) => {
    const replica = await openReplica(url);
    expect(withoutValueReads(replica, readBannerMailbox)).toBe(MAILBOX);
  });

  it.each(FIXTURE_PAGES.map((page) => page.url))('on %s, is none or the mailbox the whole page names', async (url) => {
    for (const settle of [false, true]) {
      const replica = await openReplica(url, { settle });
      const banner = withoutValueReads(replica, readBannerMailbox);
      if (banner !== null) expect(banner).toBe(readAccountName(replica.document));
    }
  });

  it.each(UNSEEN_CASES.map((unseen) => [unseen.name, unseen] as const))('%s: none, or the page’s own mailbox', async (_, unseen) => {
    const replica = await openReplica(unseen.url);
    for (const name of unseen.before ?? []) await clickMarked(replica, name);
    takeMarks(replica.document);
    const banner = withoutValueReads(replica, readBannerMailbox);
    expect([null, unseen.mailbox]).toContain(banner);
  });

  it("never takes a message's header for the page's banner", async () => {
    const replica = await openHtml(
      'https://webmail.pec.it/',
      `<main><article class="message-view"><header>Da: verifica.caselle@aruba-pec-supporto.com</header><p>Rinnova la password</p></article></main>
       <header>${MAILBOX}</header>`,
    );
    expect(readBannerMailbox(replica.document)).toBeNull();
    const reader = await openHtml('https://webmail.pec.it/', `<div class="reading-pane"><header>altro@pec.it</header></div>`);
    expect(readBannerMailbox(reader.document)).toBeNull();
  });
});
