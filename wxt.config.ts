import type { ChunkingContext } from 'rolldown';
import type { Plugin } from 'vite';
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
/** The extension's pages: entrypoints/popup/, options/, due-list/. */
const EXTENSION_PAGES = ['popup', 'options', 'due-list'];

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): compile every function
 * of the file with the file, not each one at its first call. The loader runs on every Aruba page
 * in a new renderer, where the lazy compilation of the functions it calls at once (read the
 * banner, ask the background) cost about a millisecond on the bench's inbox; the guide is
 * injected only when it has work, and its first look calls most of its functions: compiled with
 * the file, 3 ms more to compile and 7 ms less in the look (issue 17).
 */
const COMPILE_ALL_FUNCTIONS = '//# allFunctionsCalledOnLoad\n';
const COMPILED_WHOLE = ['aruba-loader.js', 'aruba-guide.js'];

/**
 * Puts the compile hint first in the loader and the guide, after minification (which would drop
 * the comment) and after WXT has made their IIFE anonymous (it looks for `var name=` first).
 */
const compileHint: Plugin = {
  name: 'pec:compile-hint',
  enforce: 'post',
  generateBundle(_options, bundle) {
    for (const name of COMPILED_WHOLE) {
      const script = bundle[name];
      if (script?.type === 'chunk') script.code = COMPILE_ALL_FUNCTIONS + script.code;
    }
  },
};

/** WXT's module that runs an unlisted script, for the loader: `\0virtual:wxt-unlisted-script-entrypoint?<path of its index.ts>`. */
const LOADER_RUNNER = /^\0virtual:wxt-unlisted-script-entrypoint\?(.*\/entrypoints\/aruba-loader\/index\.ts)$/;

/**
 * Runs the loader without WXT's runner around it, whose try/catch only logged (nothing, in a
 * production build) and threw again: 150 of the loader's gzipped bytes (issue 17's budget: 3 KB).
 */
const bareLoader: Plugin = {
  name: 'pec:bare-loader',
  enforce: 'pre',
  load(id) {
    const index = LOADER_RUNNER.exec(id)?.[1];
    return index ? `import definition from ${JSON.stringify(index)};\nexport default definition.main();\n` : null;
  },
};

/** A character outside ASCII, in a script's strings, template literals or regular expressions. */
const NOT_ASCII = /[\u0080-\uffff]/g;
const RAW_NOT_ASCII = /String\.raw`[^`]*[\u0080-\uffff]/;

/**
 * Writes every script in ASCII, as `\uXXXX` escapes, which mean the same character in a string,
 * a template literal and a regular expression (the only places minified code has them). Chrome
 * keeps a script's source for as long as the page lives, in two bytes per character once one is
 * not ASCII: the loader's «×» alone kept its 7 KB in 15 KB on every Aruba page (issue 17).
 */
const asciiScripts: Plugin = {
  name: 'pec:ascii-scripts',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      // A String.raw template is the one place an escape would not mean its character: write it escaped in the source.
      const raw = RAW_NOT_ASCII.exec(chunk.code);
      if (raw) this.error(`${chunk.fileName}: a String.raw template with a character outside ASCII: ${raw[0].slice(0, 80)}`);
      chunk.code = chunk.code.replace(NOT_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
  },
};

/** The HTML module of a page (its Rollup input), named by its folder. */
const PAGE_INPUT = /\/entrypoints\/([^/]+)\/index\.html$/;

/** The pages whose static imports reach the module (dynamic imports, such as the catalogs, do not count). */
function pagesReaching(id: string, ctx: ChunkingContext): Set<string> {
  const pages = new Set<string>();
  const seen = new Set<string>();
  const walk = (module: string) => {
    if (seen.has(module)) return;
    seen.add(module);
    const page = PAGE_INPUT.exec(module)?.[1];
    if (page) pages.add(page);
    for (const importer of ctx.getModuleInfo(module)?.importers ?? []) walk(importer);
  };
  walk(id);
  return pages;
}

/**
 * Everything the popup shares with another page goes to one chunk, `page-store`; the rest is split
 * as Rolldown does (what only the options and the due list use stays out of the popup).
 */
function popupSharedChunk(id: string, ctx: ChunkingContext): string | null {
  const pages = pagesReaching(id, ctx);
  return pages.has('popup') && pages.size > 1 ? 'page-store' : null;
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every module says where its names come from; no globals generated from utils/ and components/.
  imports: false,
  vite: () => ({ plugins: [preact(), bareLoader, compileHint, asciiScripts] }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      const names = entrypoints.map((entrypoint) => entrypoint.name);
      // The content script's two stages (issue 17: the loader on every Aruba page, the guide it
      // loads) must stay small, and the popup opens many times a day. They call only
      // runtime.sendMessage, i18n.getMessage, tabs.query/create, scripting.executeScript,
      // runtime.openOptionsPage and getURL, which behave the same in Chrome MV3 (promises) and
      // Firefox without the polyfill: WXT's own `browser` (the browser's namespace) replaces it
      // there. The background keeps it (its message listeners answer with promises).
      const alias = config.resolve?.alias as Record<string, string> | undefined;
      if (names.some((name) => [...IN_PAGE_STAGES, ...EXTENSION_PAGES].includes(name)) && alias) delete alias['wxt/browser'];
      // The pages (built together) share one chunk of everything two of them import: the popup
      // loads two scripts and two stylesheets, not seven files (each one a round trip to the
      // browser process before anything shows).
      if (names.includes('popup')) {
        const output = (config.build!.rollupOptions ??= {}).output as Record<string, unknown>;
        output.codeSplitting = { groups: [{ name: popupSharedChunk, debugName: 'page-store' }] };
      }
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
