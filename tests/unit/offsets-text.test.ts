import { describe, expect, it } from 'vitest';
import { formatOffsets, parseOffsetsText } from '@/utils/reminders/offsets-text';

describe('parseOffsetsText', () => {
  it.each([
    ['14, 7, 3, 1', [14, 7, 3, 1]],
    [' 1,7 ;30  0 ', [1, 7, 30, 0]],
    ['90', [90]],
    ['', []],
  ])('%j → %j', (text, offsets) => {
    expect(parseOffsetsText(text)).toEqual(offsets);
  });

  it.each(['14, sette', '7.5', '-1', '3,,x', '12345'])('refuses %j', (text) => {
    expect(parseOffsetsText(text)).toBeNull();
  });

  it('writes back what it reads', () => {
    expect(parseOffsetsText(formatOffsets([14, 7, 3, 1, 0]))).toEqual([14, 7, 3, 1, 0]);
    expect(formatOffsets([30, 7])).toBe('30, 7');
  });
});
