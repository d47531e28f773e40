import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { claimGuide, takeHandoff } from '@/utils/in-page/handoff';
import { Guide } from './guide';

/**
 * The guide, injected by the background into an Aruba page whose loader asked for it (issue 17;
 * entrypoints/background/load-guide.ts), never listed in the manifest. It runs in the loader's
 * world and takes over from it; injected twice into one page, it runs once.
 */
export default defineUnlistedScript(() => {
  if (!claimGuide()) return;
  const loader = takeHandoff();
  void new Guide(loader?.signal ?? new AbortController().signal, loader).start();
});
