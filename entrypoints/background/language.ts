import { browserLanguage, messagesOf, resolveLanguage } from '@/utils/i18n/catalog';
import { contentScriptKeys } from '@/utils/i18n/content-strings';
import { translator, type Language, type LanguageChoice, type MessageKey, type Translate } from '@/utils/i18n/translate';
import { daysLeftPhrase } from '@/utils/dates/days-left-phrase';
import { guideWake } from '@/utils/guide/guide-wake';
import type { ChipWords, GuideMode, GuideModeAnswer, GuideStage } from '@/utils/messaging/protocol';
import { storedSettings } from './store-access';

/** The quiet chip's words: the background puts them together, so that the loader carries no text. */
const CHIP_KEYS = [
  'chipExpiry',
  'chipClose',
  'daysLeftToday',
  'daysLeftTomorrow',
  'daysLeftMany',
  'expiredOneDay',
  'expiredManyDays',
] as const satisfies readonly MessageKey[];

/** The language chosen in the options, 'auto' resolved; the browser's when the store cannot say. */
async function chosenLanguage(): Promise<Language> {
  let setting: LanguageChoice = 'auto';
  try {
    setting = (await storedSettings()).language;
  } catch {
    // Without the store the browser's language is the only choice there is.
  }
  return resolveLanguage(setting, browserLanguage());
}

function chipWords(t: Translate, daysLeft: number): ChipWords {
  return { text: t('chipExpiry', daysLeftPhrase(t, daysLeft)), closeLabel: t('chipClose') };
}

/**
 * The guide-mode answer for a page at `url`: the mode, when the loader is to load the guide, the
 * chip's words and, for the guide (or a loader about to load it), every text the guide shows, in
 * the language the content script must speak.
 */
export async function guideModeAnswer(mode: Promise<GuideMode>, stage: GuideStage, url: URL): Promise<GuideModeAnswer> {
  const [decided, language] = await Promise.all([mode, chosenLanguage()]);
  const wake = guideWake(url, decided);
  const forGuide = stage === 'guide' || wake.now;
  const strings = await messagesOf(language, forGuide ? [...CHIP_KEYS, ...contentScriptKeys()] : CHIP_KEYS);
  return {
    ...decided,
    language,
    chip: decided.mode === 'chip' ? chipWords(translator(strings), decided.daysLeft) : null,
    wake,
    strings: forGuide ? strings : {},
  };
}
