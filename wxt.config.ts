import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ARUBA_MATCH_PATTERNS } from './utils/aruba/hosts';

/**
 * Extension pages run only our own bundled code and may reach nothing: no remote script, no
 * network. (Development builds keep WXT's own policy so its reload server still works.)
 */
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; connect-src 'none'";

/** The content script's stages: entrypoints/aruba-loader/ (the loader) and entrypoints/aruba-guide/. */
const IN_PAGE_STAGES = ['aruba-loader', 'aruba-guide'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every module says where its names come from; no globals generated from utils/ and components/.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script's two stages (issue 17: the loader on every Aruba page, the guide it
    // loads) must stay small. They call only runtime.sendMessage (and i18n.getMessage for a text
    // the background did not send), which behave the same in Chrome MV3 (promises) and Firefox
    // without the polyfill: WXT's own `browser` (the browser's namespace) replaces its 3 KB
    // there. Every other entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      const alias = config.resolve?.alias as Record<string, string> | undefined;
      if (entrypoints.some((entrypoint) => IN_PAGE_STAGES.includes(entrypoint.name)) && alias) delete alias['wxt/browser'];
    },
  },
  // The Firefox sources zip is for reviewers: the code, not what the tests and demo leave behind.
  zip: { excludeSources: ['test-results/**', 'reports/**', 'demo-output/**', 'bench/out/**', 'docs/**'] },
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'it',
    // scripting: the popup's "Segnala questa pagina" reads the active Aruba tab's outline on demand.
    permissions: ['alarms', 'notifications', 'scripting', 'storage'],
    host_permissions: ARUBA_MATCH_PATTERNS,
    // The loader, on every page of the hosts the steps use (entrypoints/aruba-loader/ says why it
    // is listed here rather than made a WXT content script).
    content_scripts: [{ matches: ARUBA_MATCH_PATTERNS, js: ['aruba-loader.js'], run_at: 'document_idle' }],
    ...(mode === 'production'
      ? {
          content_security_policy: manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
        }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pec-password-assistant@promemoria-pec',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
