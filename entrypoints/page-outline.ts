import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { outlineOrRefusal } from '@/utils/page/outline';

/**
 * Injected into the active Aruba tab by the popup's "Segnala questa pagina", and only then: the
 * content script, which runs on every WebMail page, stays as small as it was. The outline is the
 * script's result, handed back to the popup by executeScript; while the new password is on screen
 * it refuses instead.
 */
export default defineUnlistedScript(() => outlineOrRefusal(document, location.href));
