import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // The tests' own document stands for an Aruba page: its relative links stay on Aruba.
    environmentOptions: { happyDOM: { url: 'https://webmail.pec.it/' } },
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // The in-page styles (the host's and the guide's overlay) are imported as text and tested as such.
    css: { include: [/overlay\.css/, /in-page\/host\.css/] },
  },
});
