import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { untilReplaced } from '@/utils/in-page/until-replaced';

describe('untilReplaced (the loader left behind by an update)', () => {
  const id = fakeBrowser.runtime.id;
  afterEach(() => {
    fakeBrowser.runtime.id = id;
  });

  it('lets this copy run on while its extension runs, whoever says a copy started (a page can)', () => {
    const signal = untilReplaced();
    untilReplaced();
    document.dispatchEvent(new Event('pec-password-assistant:started'));
    expect(signal.aborted).toBe(false);
  });

  it('ends this copy when a new one starts and its own extension is gone', () => {
    const signal = untilReplaced();
    fakeBrowser.runtime.id = undefined as unknown as string;
    expect(signal.aborted).toBe(false);
    document.dispatchEvent(new Event('pec-password-assistant:started'));
    expect(signal.aborted).toBe(true);
  });
});
