import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setTranslations, substitute } from '@/utils/i18n/translate';
import italian from '../../public/_locales/it/messages.json';

type Catalog = Record<string, { message: string }>;

/** The fake browser has no i18n: answer from the Italian (default) locale file, as Chrome would. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (italian as Catalog)[key];
  return entry ? substitute(entry.message, substitutions) : '';
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'it';
  // A language chosen in an earlier test does not carry over.
  setTranslations({});
});
