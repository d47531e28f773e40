import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyLanguage, browserLanguage, messagesOf, resolveLanguage } from '@/utils/i18n/catalog';
import { setTranslations, substitute, t } from '@/utils/i18n/translate';
import english from '../../public/_locales/en/messages.json';
import italian from '../../public/_locales/it/messages.json';

type LocaleFile = Record<string, { message: string }>;

/** Makes the fake browser's getMessage speak English, as Chrome does in an English browser. */
function englishBrowser() {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const entry = (english as LocaleFile)[key];
    return entry ? substitute(entry.message, substitutions) : '';
  }) as typeof fakeBrowser.i18n.getMessage;
}

describe('substitute, as Chrome’s getMessage', () => {
  it.each([
    ['$1: scade il $2 ($3)', ['a@pec.it', '15/02/2027', 'tra 3 giorni'], 'a@pec.it: scade il 15/02/2027 (tra 3 giorni)'],
    ['tra $1 giorni', '7', 'tra 7 giorni'],
    ['$2 before $1', ['one', 'two'], 'two before one'],
    ['missing: [$2]', ['one'], 'missing: []'],
    ['no substitutions: [$1]', undefined, 'no substitutions: []'],
    ['price $$5, $$$1', ['x'], 'price $5, $$1'],
    ['$0 and $a dropped, trailing $', [], ' and  dropped, trailing '],
    ['$9', ['1', '2', '3', '4', '5', '6', '7', '8', 'nine'], 'nine'],
    ['$10', ['one'], 'one0'],
  ] as const)('%s', (template, substitutions, expected) => {
    expect(substitute(template, substitutions as string | string[] | undefined)).toBe(expected);
  });

  it('never reads a substitution as a pattern', () => {
    expect(substitute('$1', '$2 $$ $&')).toBe('$2 $$ $&');
  });
});

describe('the locale files', () => {
  const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map(([match]) => match).sort();

  it('use no character of t()’s stand-ins for $1…$9 (U+E001–U+E009)', () => {
    for (const file of [italian, english] as LocaleFile[]) {
      for (const [key, { message }] of Object.entries(file)) expect(message, key).not.toMatch(/[\uE001-\uE009]/);
    }
  });

  it('have the same keys, and each text the same placeholders in both languages', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(italian).sort());
    for (const [key, { message }] of Object.entries(italian as LocaleFile)) {
      expect(placeholders((english as LocaleFile)[key]!.message), key).toEqual(placeholders(message));
    }
  });

  it('name their own language', async () => {
    expect(await messagesOf('it', ['langCode'])).toEqual({ langCode: 'it' });
    expect(await messagesOf('en', ['langCode'])).toEqual({ langCode: 'en' });
  });
});

describe('the language chosen in the options', () => {
  it('"auto" is the browser’s; a choice is itself', () => {
    expect(resolveLanguage('auto', 'it')).toBe('it');
    expect(resolveLanguage('auto', 'en')).toBe('en');
    expect(resolveLanguage('en', 'it')).toBe('en');
    expect(resolveLanguage('it', 'en')).toBe('it');
  });

  it('knows the browser’s language from the locale Chrome picked', () => {
    expect(browserLanguage()).toBe('it');
    englishBrowser();
    expect(browserLanguage()).toBe('en');
  });

  it('makes t() speak English in an Italian browser, with substitutions, and back', async () => {
    expect(await applyLanguage('en')).toBe('en');
    expect(t('daysLeftMany', '5')).toBe('in 5 days');
    expect(t('badgeTitleLine', ['a@pec.it', '15/02/2027', 'in 5 days'])).toBe('a@pec.it: expires on 15/02/2027 (in 5 days)');
    expect(await applyLanguage('auto')).toBe('it');
    expect(t('daysLeftMany', '5')).toBe('tra 5 giorni');
    expect(await applyLanguage('it')).toBe('it');
    expect(t('langCode')).toBe('it');
  });

  it('makes t() speak Italian in an English browser', async () => {
    englishBrowser();
    expect(t('daysLeftToday')).toBe('today');
    await applyLanguage('it');
    expect(t('daysLeftToday')).toBe('oggi');
    await applyLanguage('auto');
    expect(t('daysLeftToday')).toBe('today');
  });

  it('falls back to the browser, then to the key, for a text the chosen messages lack', () => {
    setTranslations({ daysLeftToday: 'today' });
    expect(t('daysLeftToday')).toBe('today');
    expect(t('daysLeftTomorrow')).toBe('domani');
    // A text neither has (t() asks the browser once per text: this one was not asked yet).
    fakeBrowser.i18n.getMessage = () => '';
    expect(t('daysLeftMany', '3')).toBe('daysLeftMany');
  });
});

describe('t() in the browser’s language', () => {
  it('asks the browser once per text, however many rows use it (issue 17: 200 rows asked it 2,400 times)', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    for (let days = 2; days < 200; days++) expect(t('daysLeftMany', String(days))).toBe(`tra ${days} giorni`);
    expect(t('popupTitle')).toBe(t('popupTitle'));
    expect(getMessage.mock.calls.map(([key]) => key)).toEqual(['daysLeftMany', 'popupTitle']);
  });

  it('substitutes as getMessage does: every $n, missing ones empty, a value never read as a pattern', () => {
    expect(t('badgeTitleLine', ['a@pec.it', '15/02/2027', 'tra 3 giorni'])).toBe('a@pec.it: scade il 15/02/2027 (tra 3 giorni)');
    expect(t('badgeTitleLine', ['$2 $$ $&', '\uE002'])).toBe('$2 $$ $&: scade il \uE002 ()');
    expect(t('badgeTitleLine')).toBe(': scade il  ()');
  });

  it('shows the key of a text the browser does not have', () => {
    fakeBrowser.i18n.getMessage = () => '';
    expect(t('popupTitle')).toBe('popupTitle');
  });
});
