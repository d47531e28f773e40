import { describe, expect, it } from 'vitest';
import { decideGuideMode, type GuideModeInput } from '@/utils/guide/guide-mode';

const base: GuideModeInput = { expiry: null, knownExpiries: [], today: '2026-11-23', windowDays: 14, renewalStarted: false, showChip: true };

describe('decideGuideMode', () => {
  it('guides with nothing known, when due, and when a renewal was started; a chip when far', () => {
    expect(decideGuideMode(base)).toEqual({ mode: 'guide', reason: 'no-expiry' });
    expect(decideGuideMode({ ...base, expiry: '2026-12-01' })).toEqual({ mode: 'guide', reason: 'due' });
    expect(decideGuideMode({ ...base, expiry: '2027-02-15', renewalStarted: true })).toEqual({ mode: 'guide', reason: 'renewal-started' });
    expect(decideGuideMode({ ...base, expiry: '2027-02-15' })).toEqual({ mode: 'chip', expiry: '2027-02-15', daysLeft: 84 });
    expect(decideGuideMode({ ...base, expiry: '2027-02-15', showChip: false })).toEqual({ mode: 'quiet' });
  });

  it('on a page whose mailbox nobody knows: guides if any mailbox needs it, never shows another mailbox’s date', () => {
    const unknown = { ...base, expiry: undefined };
    expect(decideGuideMode({ ...unknown, knownExpiries: ['2027-02-15', '2026-12-01'] })).toEqual({ mode: 'guide', reason: 'due' });
    expect(decideGuideMode({ ...unknown, knownExpiries: ['2027-02-15', '2027-03-01'] })).toEqual({ mode: 'quiet' });
    expect(decideGuideMode(unknown)).toEqual({ mode: 'guide', reason: 'no-expiry' });
  });
});
