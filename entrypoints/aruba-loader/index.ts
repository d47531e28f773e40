import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { untilReplaced } from '@/utils/in-page/until-replaced';
import { runLoader } from './loader';

/**
 * The only script on every Aruba page: the loader (issue 17). The guide comes when there is work
 * for it (entrypoints/aruba-guide/). wxt.config.ts lists this file under the manifest's
 * content_scripts, with the matches of the host table: as a WXT content script it would carry
 * WXT's content-script context, about 1 KB gzipped (as much as the loader's own work) and a
 * message posted to the page at every start, for what untilReplaced() does here.
 */
export default defineUnlistedScript(() => {
  void runLoader(untilReplaced());
});
