import { describe, expect, it } from 'vitest';
import { checkOfficeInput } from '@/utils/office/office-input';

describe('checkOfficeInput', () => {
  it("accepts empty fields: an account of one's own has no client", () => {
    expect(checkOfficeInput({ owner: ' ', contact: '', leadDays: '' })).toEqual({ ok: true, fields: { owner: '', contact: '', leadDays: null } });
  });

  it('trims the owner and the contact and reads the lead days', () => {
    expect(checkOfficeInput({ owner: ' Bar Sport ', contact: ' mario@example.com ', leadDays: '12' })).toEqual({
      ok: true,
      fields: { owner: 'Bar Sport', contact: 'mario@example.com', leadDays: 12 },
    });
  });

  it.each([
    [{ contact: 'mario' }, { contact: 'officeErrorContact' }],
    [{ contact: 'mario@studio' }, { contact: 'officeErrorContact' }],
    [{ leadDays: '2.5' }, { leadDays: 'officeErrorLeadDays' }],
    [{ leadDays: '-1' }, { leadDays: 'officeErrorLeadDays' }],
    [{ leadDays: '61' }, { leadDays: 'officeErrorLeadDays' }],
    [
      { contact: 'x', leadDays: 'tre' },
      { contact: 'officeErrorContact', leadDays: 'officeErrorLeadDays' },
    ],
  ])('refuses %j', (input, errors) => {
    expect(checkOfficeInput({ owner: '', contact: '', leadDays: '', ...input })).toEqual({ ok: false, errors });
  });
});
