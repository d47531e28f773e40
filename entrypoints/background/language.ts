import { browserLanguage, messagesOf, resolveLanguage } from '@/utils/i18n/catalog';
import { contentScriptKeys } from '@/utils/i18n/content-strings';
import type { Language, LanguageChoice } from '@/utils/i18n/translate';
import type { GuideMode, GuideModeAnswer } from '@/utils/messaging/protocol';
import { getSettings } from '@/utils/store/settings';
import { store } from './store-access';

/** The language chosen in the options, 'auto' resolved; the browser's when the store cannot say. */
async function chosenLanguage(): Promise<Language> {
  let setting: LanguageChoice = 'auto';
  try {
    setting = (await getSettings(await store())).language;
  } catch {
    // Without the store the browser's language is the only choice there is.
  }
  return resolveLanguage(setting, browserLanguage());
}

/** The guide-mode answer, with the language the content script must speak and its texts in it. */
export async function withLanguage(mode: Promise<GuideMode>): Promise<GuideModeAnswer> {
  const [answer, language] = await Promise.all([mode, chosenLanguage()]);
  return { ...answer, language, strings: await messagesOf(language, contentScriptKeys()) };
}
