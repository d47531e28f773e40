import { describe, expect, it } from 'vitest';
import { ARUBA_STEPS, labelsIn } from '@/utils/aruba/steps';
import { wakeWords } from '@/utils/in-page/wake-words';

/** The loader's words (issue 17): what it compares to decide whether to load the guide. */
describe('wakeWords', () => {
  it('keeps letters and digits, drops accents, case, icons and punctuation', () => {
    expect(wakeWords('  ⚙ Impostazioni  ')).toBe('impostazioni');
    expect(wakeWords('«Sicurezza e password» ›')).toBe('sicurezza e password');
    expect(wakeWords('Verifica in 2 passaggi')).toBe('verifica in 2 passaggi');
    expect(wakeWords('Modalità\u00a0d’accesso')).toBe('modalita d accesso');
    expect(wakeWords('\ue8b8Gestione\nAccount')).toBe('gestione account');
  });

  it('finds every label of the step table however the page dresses it', () => {
    for (const label of ARUBA_STEPS.flatMap((step) => labelsIn(step.labels))) {
      const words = wakeWords(label);
      expect(words, label).not.toBe('');
      expect(wakeWords(`\u2699 ${label.toUpperCase()} »`), label).toBe(words);
      expect(wakeWords(label.normalize('NFD')), label).toBe(words);
    }
  });
});
