// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Lint for the whole project, type-checked: in an extension's event-driven code a floating
 * promise loses its error and a switch that forgets a message type answers nothing. The product's
 * own rules (no page text as HTML, no network, no eval) are here, each with the reason it exists.
 */

const PRODUCT = ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'];
/** Code that runs in Aruba's pages, where the password is. */
const IN_PAGE = [
  'entrypoints/aruba-loader/**/*.ts',
  'entrypoints/aruba-guide/**/*.ts',
  'utils/in-page/**/*.ts',
  'entrypoints/page-outline.ts',
  'utils/page/**/*.ts',
  'utils/aruba/**/*.ts',
];
/** Extension pages: they read the store, and only the background writes it. */
const PAGES = ['components/**/*.{ts,tsx}', 'entrypoints/popup/**', 'entrypoints/options/**', 'entrypoints/due-list/**'];

const NO_HTML = 'Page text is untrusted: render it with textContent or Preact, never as HTML.';
const NO_NETWORK = 'The extension makes no network requests at all (README, Privacy).';
const NO_EVAL = 'No code from strings: the extension runs only its own bundled code.';
const NO_VALUE = "Never read a form field's value on Aruba's pages: the password may be in one.";
const NO_POLLING = "Aruba's pages are never polled: the guide waits for changes (issue 7).";
const ONLY_BACKGROUND_WRITES =
  'Only the background writes the store (badge and alarms follow every write): send a command, utils/messaging/send-to-background.ts.';
/** Globals and properties no product code may use, with why. */
const NO_GLOBALS = [
  { name: 'fetch', message: NO_NETWORK },
  { name: 'XMLHttpRequest', message: NO_NETWORK },
  { name: 'WebSocket', message: NO_NETWORK },
  { name: 'EventSource', message: NO_NETWORK },
  { name: 'importScripts', message: NO_NETWORK },
  { name: 'DOMParser', message: NO_HTML },
  { name: 'eval', message: NO_EVAL },
];
const NO_PROPERTIES = [
  { property: 'innerHTML', message: NO_HTML },
  { property: 'outerHTML', message: NO_HTML },
  { property: 'insertAdjacentHTML', message: NO_HTML },
  { object: 'document', property: 'write', message: NO_HTML },
  { property: 'sendBeacon', message: NO_NETWORK },
  { object: 'navigator', property: 'connection', message: NO_NETWORK },
];
const NO_SYNTAX = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: NO_HTML },
  { selector: 'MemberExpression[property.name=/^(fetch|XMLHttpRequest|WebSocket|EventSource)$/]', message: NO_NETWORK },
  { selector: 'ImportExpression[source.value=/^https?:/]', message: NO_NETWORK },
  { selector: "NewExpression[callee.name='Function']", message: NO_EVAL },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'demo-output/**',
      'bench/out/**',
      'tests/fixtures/pages/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: PRODUCT,
    rules: {
      'no-restricted-properties': ['error', ...NO_PROPERTIES],
      'no-restricted-globals': ['error', ...NO_GLOBALS],
      'no-restricted-syntax': ['error', ...NO_SYNTAX],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    files: IN_PAGE,
    // A later block replaces a rule's options: the product's lists, and the page's own.
    rules: {
      'no-restricted-globals': ['error', ...NO_GLOBALS, { name: 'setInterval', message: NO_POLLING }, { name: 'FormData', message: NO_VALUE }],
      'no-restricted-properties': [
        'error',
        ...NO_PROPERTIES,
        { property: 'value', message: NO_VALUE },
        { property: 'valueAsNumber', message: NO_VALUE },
        { property: 'setInterval', message: NO_POLLING },
      ],
      'no-restricted-syntax': [
        'error',
        ...NO_SYNTAX,
        { selector: "CallExpression[callee.property.name='getAttribute'][arguments.0.value='value']", message: NO_VALUE },
      ],
    },
  },
  {
    files: PAGES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/utils/store/accounts',
              importNames: [
                'recordCapture',
                'saveAccount',
                'deleteAccount',
                'setProgramUpdated',
                'markRenewalAsked',
                'addUnnamedMailbox',
                'moveCapture',
              ],
              message: ONLY_BACKGROUND_WRITES,
            },
            { name: '@/utils/store/settings', importNames: ['saveSettings'], message: ONLY_BACKGROUND_WRITES },
            { name: '@/utils/store/transfer', importNames: ['applyImport', 'clearAll'], message: ONLY_BACKGROUND_WRITES },
            { name: '@/utils/store/fired-reminders', importNames: ['markRemindersFired', 'pruneFiredReminders'], message: ONLY_BACKGROUND_WRITES },
            { name: '@/utils/accounts/manual-account', importNames: ['saveManualEntry'], message: ONLY_BACKGROUND_WRITES },
            { name: '@/utils/reminders/settle-reminders', importNames: ['settlePastReminders'], message: ONLY_BACKGROUND_WRITES },
          ],
        },
      ],
    },
  },
  {
    // Tests and tools read JSON and drive browsers: `any` comes with the job there; promises
    // must still be handled.
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // IndexedDB and the browsers reject with DOMExceptions; Playwright's fixtures take `{}`.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      'no-empty-pattern': 'off',
      // A mock standing in for a browser function may be async where the real one's type says void.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
