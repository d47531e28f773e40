// Where Debian's Firefox ESR is, and whether it can speak Italian; used by the Firefox tests.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

const INSTALL_COMMAND = 'apt-get update && apt-get install -y firefox-esr firefox-esr-l10n-it';

/** Firefox takes its UI language, and so the extension's, from a language pack beside the binary. */
function hasItalianLanguagePack(): boolean {
  const packs = join(dirname(realpathSync(FIREFOX_PATH)), 'browser', 'extensions');
  return existsSync(packs) && readdirSync(packs).some((name) => name.startsWith('langpack-it@'));
}

/** Returns a message naming the install command when Firefox or its Italian pack is missing, else null. */
export function missingFirefoxMessage(): string | null {
  if (!existsSync(FIREFOX_PATH)) {
    return `Firefox not found at ${FIREFOX_PATH}.\nInstall Debian's Firefox ESR with:  ${INSTALL_COMMAND}\nor point FIREFOX_PATH at another Firefox.`;
  }
  if (!hasItalianLanguagePack()) {
    return `Firefox at ${FIREFOX_PATH} has no Italian language pack, which the Italian walks need.\nInstall it with:  ${INSTALL_COMMAND}`;
  }
  return null;
}
