/*
 * The words the loader compares (issue 17): the page's title, its top heading and a clicked
 * label, against the path's labels the background sends, all made by wakeWords(). Cruder than
 * utils/page/text.ts's normalizeLabel (letters and digits only, accents dropped, any icon or
 * punctuation a space) and without Unicode property classes, whose compiling alone cost the loader
 * about 1.5 ms and 19 KB on every Aruba page. It only decides whether to load the guide, which
 * then matches the labels exactly.
 */

const ACCENTS = /[\u0300-\u036f]/g;
const NOT_WORDS = /[^a-z0-9]+/g;

export function wakeWords(text: string): string {
  return text.normalize('NFD').replace(ACCENTS, '').toLowerCase().replace(NOT_WORDS, ' ').trim();
}
