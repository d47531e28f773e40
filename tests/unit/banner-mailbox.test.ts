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

  it('on the inbox, looks at no element of the top bar but the few around the address', async () => {
    const replica = await openReplica('https://webmail.pec.it/');
    const banner = replica.document.querySelector('header')!;
    const around = new Set<Element>();
    for (let node: Element | null = banner; node; node = node.parentElement) around.add(node);
    const text = [...banner.querySelectorAll('*')].find((element) => element.childElementCount === 0 && element.textContent?.includes(MAILBOX))!;
    for (let node: Element | null = text; node && node !== banner; node = node.parentElement) around.add(node);
    const looked = new Set<Element>();
    const prototype = replica.window.Element.prototype;
    const getAttribute = Object.getOwnPropertyDescriptor(prototype, 'getAttribute')!;
    Object.defineProperty(prototype, 'getAttribute', {
      ...getAttribute,
      value(this: Element, name: string) {
        looked.add(this);
        return (getAttribute.value as Element['getAttribute']).call(this, name);
      },
    });
    try {
      expect(readBannerMailbox(replica.document)).toBe(MAILBOX);
    } finally {
      Object.defineProperty(prototype, 'getAttribute', getAttribute);
    }
    expect(banner.querySelectorAll('*').length).toBeGreaterThan(looked.size);
    expect([...looked].filter((element) => !around.has(element)).map((element) => element.outerHTML)).toEqual([]);
  });

  it.each([
    [
      'a message preview in the top bar',
      `<header><div class="message-preview">Da: verifica@aruba-pec-supporto.com</div><span>${MAILBOX}</span></header>`,
    ],
    ['an address in a title under it, first', `<header><span title="Casella ${MAILBOX}">M</span> <span>altro@pec.it</span></header>`],
    [
      'an address in an open shadow root',
      `<header><x-user></x-user></header><script>document.querySelector('x-user').attachShadow({ mode: 'open' }).innerHTML = '<span>${MAILBOX}</span>';</script>`,
    ],
  ])('reads the banner’s own address past %s', async (_, html) => {
    const replica = await openHtml('https://webmail.pec.it/', html);
    expect(readBannerMailbox(replica.document)).toBe(MAILBOX);
  });
});
