import { describe, expect, it } from 'vitest';
import { attributeMailbox, renameInTabs, type TabContexts } from '@/utils/guide/attribution';

const ONE = ['solo@pec.it'];
const TWO = ['a@pec.it', 'b@pec.it'];

describe('attributeMailbox: whose expiry a page that names no mailbox shows', () => {
  it('(1) the mailbox an earlier page of the same tab named', () => {
    expect(attributeMailbox({ 5: { named: 'webmail@pec.it' } }, 5, TWO)).toEqual({ mailbox: 'webmail@pec.it', by: 'tab' });
  });

  it('(1) or the mailbox an earlier expiry of the same tab went to, even one still to be named', () => {
    expect(attributeMailbox({ 5: { recordedFor: 'unnamed:12' } }, 5, TWO)).toEqual({ mailbox: 'unnamed:12', by: 'tab' });
  });

  it('(2) the mailbox of the tab that opened it, and of the tab that opened that one', () => {
    const tabs: TabContexts = { 1: { named: 'webmail@pec.it' }, 2: { opener: 1 }, 3: { opener: 2 } };
    expect(attributeMailbox(tabs, 2, TWO)).toEqual({ mailbox: 'webmail@pec.it', by: 'opener' });
    expect(attributeMailbox(tabs, 3, TWO)).toEqual({ mailbox: 'webmail@pec.it', by: 'opener' });
  });

  it('(3) the mailbox the renewal of the tab, or of its opener, was started for', () => {
    const tabs: TabContexts = { 1: { renewalFor: 'rinnovo@pec.it' }, 2: { opener: 1 } };
    expect(attributeMailbox(tabs, 1, TWO)).toEqual({ mailbox: 'rinnovo@pec.it', by: 'renewal' });
    expect(attributeMailbox(tabs, 2, TWO)).toEqual({ mailbox: 'rinnovo@pec.it', by: 'renewal' });
  });

  it('(4) the only tracked mailbox, and only when exactly one is tracked', () => {
    expect(attributeMailbox({}, 9, ONE)).toEqual({ mailbox: 'solo@pec.it', by: 'only-mailbox' });
    expect(attributeMailbox({}, undefined, ONE)).toEqual({ mailbox: 'solo@pec.it', by: 'only-mailbox' });
    expect(attributeMailbox({}, 9, TWO)).toBeNull();
    expect(attributeMailbox({}, 9, [])).toBeNull();
  });

  it('applies the rules in that order', () => {
    const tabs: TabContexts = {
      1: { named: 'apertura@pec.it', renewalFor: 'rinnovo-opener@pec.it' },
      2: { opener: 1, renewalFor: 'rinnovo@pec.it' },
      3: { opener: 1, renewalFor: 'rinnovo@pec.it', named: 'scheda@pec.it' },
      4: { renewalFor: 'rinnovo@pec.it' },
    };
    expect(attributeMailbox(tabs, 3, ONE)?.mailbox).toBe('scheda@pec.it');
    expect(attributeMailbox(tabs, 2, ONE)?.mailbox).toBe('apertura@pec.it');
    expect(attributeMailbox(tabs, 4, ONE)?.mailbox).toBe('rinnovo@pec.it');
    expect(attributeMailbox(tabs, 5, ONE)?.mailbox).toBe('solo@pec.it');
  });

  it('ends on a cycle of openers', () => {
    expect(attributeMailbox({ 1: { opener: 2 }, 2: { opener: 1 } }, 1, TWO)).toBeNull();
  });
});

describe('renameInTabs', () => {
  it('points the tabs whose expiry went to the wrong mailbox at the right one, and leaves what pages named', () => {
    const tabs: TabContexts = { 1: { recordedFor: 'unnamed:3' }, 2: { named: 'unnamed:3' }, 3: { recordedFor: 'altra@pec.it' } };
    expect(renameInTabs(tabs, 'unnamed:3', 'giusta@pec.it')).toEqual({
      1: { recordedFor: 'giusta@pec.it' },
      2: { named: 'unnamed:3' },
      3: { recordedFor: 'altra@pec.it' },
    });
  });
});
