import { ARUBA_MATCH_PATTERNS } from '@/utils/aruba-hosts';
import { recognizeArubaPage } from '@/utils/aruba-pages';
import type { ContentMessage } from '@/utils/messages';

export default defineContentScript({
  matches: ARUBA_MATCH_PATTERNS,
  runAt: 'document_idle',
  main() {
    const page = recognizeArubaPage(location.href);
    if (!page) return;
    const message: ContentMessage = { type: 'page-recognized', page };
    void browser.runtime.sendMessage(message);
  },
});
