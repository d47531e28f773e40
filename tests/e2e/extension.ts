import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../harness/chromium/launch';

export { badgeText, extensionState, launchWithExtension, recordMessages, startRenewal, type LoadedExtension } from '../harness/chromium/launch';

interface ExtensionFixtures {
  profileDir: string;
  extension: LoadedExtension;
  uiLocale: string;
}

/** One fresh profile and browser per test; the test fails if any non-Aruba request was attempted. */
export const test = base.extend<ExtensionFixtures>({
  uiLocale: ['it-IT', { option: true }],
  profileDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'pec-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  extension: async ({ profileDir, uiLocale }, use) => {
    const extension = await launchWithExtension(profileDir, uiLocale);
    await use(extension);
    await extension.context.close();
    expect(extension.blocked, 'requests outside Aruba were attempted').toEqual([]);
  },
});

export { expect };
