import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ARUBA_MATCH_PATTERNS } from './utils/aruba-hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'it',
    permissions: ['alarms', 'notifications', 'storage'],
    host_permissions: ARUBA_MATCH_PATTERNS,
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
