import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARUBA_MATCH_PATTERNS } from '@/utils/aruba/hosts';
import { runLoader } from './loader';

/**
 * The only script the manifest puts on Aruba's pages: the loader (issue 17). The guide comes
 * when there is work for it (entrypoints/aruba-guide/).
 */
export default defineContentScript({
  matches: ARUBA_MATCH_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    void runLoader(ctx.signal);
  },
});
