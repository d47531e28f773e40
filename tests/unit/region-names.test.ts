import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isContentRegion, isTopBar } from '@/utils/page/regions';

/*
 * The names regions.ts reads in a tag, an id or a class («message-body», «reading_pane»,
 * «app-header», «aru-navbar») are matched by splitting them into words, not by the regular
 * expressions 0.2.3 used, whose compiled code cost the loader about 30 KB of heap on every Aruba
 * page (issue 17). The expressions stay here as the reference: on any name made of these words
 * and separators, the answer is theirs.
 */

const CONTENT_NAME_0_2_3 =
  /(?:^|[-_\s])(?:(?:messages?|messaggio|messaggi|mails?|msgs?|e-?mails?)[-_]?(?:body|content|text|view|viewer|preview|reader|detail|details|list|row|item|frame|html|container)|reading[-_]?pane|preview(?:[-_]?pane)?|reader|viewer|anteprima|lettura|corpo[-_]?messaggio)(?:$|[-_\s])/i;
const TOP_BAR_NAME_0_2_3 = /(?:^|[-_])(?:navbar|nav|header|topbar|toolbar|appbar|masthead|banner)(?:$|[-_])/i;
const TOP_BAR_ID_0_2_3 =
  /(?:^|[-_\s])(?:top[-_]?bar|nav[-_]?bar|app[-_]?bar|app[-_]?header|page[-_]?header|site[-_]?header|main[-_]?header|masthead|tool[-_]?bar)(?:$|[-_\s])/i;

const WORDS = [
  ...['message', 'messages', 'messaggio', 'messaggi', 'mail', 'mails', 'msg', 'msgs', 'email', 'emails', 'e', 'Mail', 'MESSAGE'],
  ...['body', 'content', 'text', 'view', 'viewer', 'preview', 'reader', 'detail', 'details', 'list', 'row', 'item', 'frame', 'html', 'container'],
  ...['reading', 'pane', 'anteprima', 'lettura', 'corpo', 'Preview', 'messagebody', 'mailview', 'readingpane'],
  ...['top', 'bar', 'nav', 'navbar', 'app', 'header', 'page', 'site', 'main', 'masthead', 'tool', 'toolbar', 'appbar', 'banner', 'topbar'],
  ...['wm', 'i', 'x', 'inbox', 'box', 'mailbox', 'address', 'is', 'current', 'menu', '', '1'],
];
const SEPARATORS = ['-', '_', ' ', '\t', '--', ''];

/** A name of up to six words, each followed by a separator (a space parts two classes). */
const names = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));
/** A custom element's name: a letter, then words joined by «-» or «_». */
const tags = fc
  .array(fc.tuple(fc.constantFrom(...WORDS.filter((word) => /^[a-z0-9]+$/.test(word))), fc.constantFrom('-', '_')), { minLength: 1, maxLength: 5 })
  .map((parts) => `x-${parts.map(([word, separator]) => word + separator).join('')}`);

function element(tag: string, attributes: Record<string, string> = {}): Element {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}

describe('names of message views and top bars, read as words', () => {
  it('answer as the regular expressions of 0.2.3 did, in a class, an id and a tag', () => {
    fc.assert(
      fc.property(names, (name) => {
        const expected = CONTENT_NAME_0_2_3.test(name);
        expect(isContentRegion(element('div', { class: name }))).toBe(expected);
        expect(isContentRegion(element('div', { id: name }))).toBe(expected);
        expect(isTopBar(element('div', { class: name }))).toBe(TOP_BAR_ID_0_2_3.test(name));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(tags, (tag) => {
        expect(isContentRegion(element(tag))).toBe(CONTENT_NAME_0_2_3.test(tag));
        expect(isTopBar(element(tag))).toBe(TOP_BAR_NAME_0_2_3.test(tag));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['mail-body', true],
    ['x-message-list wm-pane', true],
    ['e-mail-preview', true],
    ['MessageBody', true],
    ['reading_pane', true],
    ['i i-mail', false],
    ['wm-top', false],
    ['mailbox', false],
    ['message body', false],
    ['messages', false],
  ])('«%s» names a message view: %s', (name, expected) => {
    expect(isContentRegion(element('div', { class: name }))).toBe(expected);
  });

  it.each([
    ['app-header', true],
    ['b-topbar is-dark', true],
    ['nav_bar', true],
    ['header', false],
    ['page-title', false],
  ])('«%s» names a top bar: %s', (name, expected) => {
    expect(isTopBar(element('div', { class: name }))).toBe(expected);
  });
});
