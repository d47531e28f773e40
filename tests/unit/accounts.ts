import { NO_OFFICE_FIELDS, type Account } from '@/utils/store/types';

/** An account as typed in by hand, with nothing else known: what a test starts from. */
export function manualAccount(address: string, overrides: Partial<Account> = {}): Account {
  return {
    address,
    label: '',
    expiry: null,
    capturedAt: 1,
    source: 'manual',
    pageUrl: null,
    programs: [],
    programsToUpdate: [],
    ...NO_OFFICE_FIELDS,
    ...overrides,
  };
}
