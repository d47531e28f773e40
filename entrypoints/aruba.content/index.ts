import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARUBA_MATCH_PATTERNS } from '@/utils/aruba/hosts';
import { Guide } from './guide';

export default defineContentScript({
  matches: ARUBA_MATCH_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    void new Guide(ctx.signal).start();
  },
});
