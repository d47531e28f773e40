import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyLanguage, browserLanguage, messagesOf, resolveLanguage } from '@/utils/i18n/catalog';
import { cachedTranslate, setTranslations, substitute, t, type MessageKey } from '@/utils/i18n/translate';
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

describe('cachedTranslate', () => {
  const values = ['a@pec.it', '$1 $$ $&', '15/02/2027', 'x', 'y', 'z', '7', '8', '9'];

  it('says every text of both languages as t() does, whether the browser or a chosen catalog speaks it', async () => {
    const speakers: (() => Promise<void>)[] = [
      () => Promise.resolve(setTranslations({})),
      () => Promise.resolve(englishBrowser()),
      async () => setTranslations(await messagesOf('en')),
    ];
    for (const speak of speakers) {
      await speak();
      const say = cachedTranslate();
      for (const key of Object.keys(italian) as MessageKey[]) {
        expect(say(key, values), key).toBe(t(key, values));
        expect(say(key), key).toBe(t(key));
      }
    }
  });

  it('asks the browser once per text', () => {
    let asked = 0;
    const getMessage = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
      asked += 1;
      return getMessage(key, substitutions);
    }) as typeof fakeBrowser.i18n.getMessage;
    const say = cachedTranslate();
    for (let days = 2; days < 200; days++) say('daysLeftMany', String(days));
    expect(asked).toBe(1);
    expect(say('daysLeftMany', '7')).toBe('tra 7 giorni');
  });
});

describe('the locale files', () => {
  const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map(([match]) => match).sort();

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
    fakeBrowser.i18n.getMessage = () => '';
    expect(t('daysLeftTomorrow')).toBe('daysLeftTomorrow');
  });
});
