import { describe, expect, it } from 'vitest';
import { ARUBA_STEPS, expectedStep, type StepId } from '@/utils/aruba/steps';
import { detectPageState, findStepTarget } from '@/utils/page/find-step';
import { findNearMiss } from '@/utils/page/near-miss';

const step = (id: StepId) => ARUBA_STEPS.find((candidate) => candidate.id === id)!;

function page(markup: string): Document {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('afterbegin', markup);
  return document;
}

describe('findNearMiss', () => {
  it.each([
    ['a synonym for the only word', 'webmail-manage', '<a role="button" href="#">Modifica</a>', 'Modifica'],
    [
      'a synonym in a longer label',
      'webmail-generate',
      '<button>Crea password per programmi di posta</button>',
      'Crea password per programmi di posta',
    ],
    ['all words but one', 'account-app-passwords', '<a href="#">Password per programmi della posta</a>', 'Password per programmi della posta'],
    ['an English synonym', 'account-generate-new', '<button>Create new password</button>', 'Create new password'],
  ])('offers %s', (_, id, markup, label) => {
    const root = page(markup);
    expect(findStepTarget(root, step(id as StepId)).status).toBe('missing');
    expect(findNearMiss(root, step(id as StepId))?.textContent).toBe(label);
  });

  it.each([
    ['a different one-word label', 'webmail-manage', '<button>Elimina</button>'],
    ['two words changed', 'account-app-passwords', '<a href="#">Credenziali per programmi email</a>'],
    ['the mailbox password expiry', 'account-app-passwords', '<a href="#">Scadenza password</a>'],
    ['two equally close candidates', 'webmail-manage', '<button>Modifica</button><button>Gestione</button>'],
    ['a close label with the wrong role', 'webmail-generate', '<p>Crea password per programmi di posta</p>'],
  ])('offers nothing for %s', (_, id, markup) => {
    expect(findNearMiss(page(markup), step(id as StepId))).toBeNull();
  });
});

describe('expectedStep', () => {
  it.each([
    ['https://webmail.pec.it/new/messages/INBOX', 'account-user-menu'],
    ['https://gestionemail.pec.it/sicurezza-e-password', 'webmail-manage'],
    ['https://account.aruba.it/pec#/panoramica', 'account-app-passwords'],
  ])('on %s is %s', (url, id) => {
    expect(expectedStep(new URL(url))?.id).toBe(id);
  });

  it('is none off the paths', () => {
    expect(expectedStep(new URL('https://login.aruba.it/auth/realms/pec/protocol/openid-connect/auth'))).toBeNull();
  });
});

describe('a search limited to a changed part of the page', () => {
  it('finds the step when the added element is itself the target', () => {
    document.body.replaceChildren();
    const link = document.createElement('a');
    link.href = '/settings';
    link.textContent = 'Impostazioni';
    document.body.append(link);
    const state = detectPageState(link, 'https://webmail.pec.it/');
    expect(state && 'step' in state ? [state.step.id, state.target] : null).toEqual(['webmail-settings', link]);
  });
});
