import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/translate';

export interface ResetEverythingProps {
  accountCount: number;
  onReset: () => Promise<void>;
}

/** "Reset everything", behind an explicit confirmation that says what will be lost. */
export function ResetEverything({ accountCount, onReset }: ResetEverythingProps) {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const [failed, setFailed] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);

  const moveFocus = useRef(false);

  // Focus follows the question, and returns to where it came from when it goes away; not on load.
  useEffect(() => {
    if (moveFocus.current) (confirming ? confirm.current : start.current)?.focus();
  }, [confirming]);

  function ask(asking: boolean) {
    moveFocus.current = true;
    setConfirming(asking);
  }

  /** A reset is one transaction: when it fails nothing changed, and the question stays to try again. */
  async function reset() {
    try {
      await onReset();
    } catch {
      setFailed(true);
      return;
    }
    setFailed(false);
    ask(false);
    setDone(true);
  }

  return (
    <section class="card" aria-labelledby="reset-heading">
      <h2 id="reset-heading">{t('optionsResetHeading')}</h2>
      <p>{t('optionsResetIntro')}</p>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="reset-question">
          <p id="reset-question">{t('optionsResetQuestion', String(accountCount))}</p>
          <div class="actions">
            <button ref={confirm} type="button" class="button-danger" onClick={() => void reset()}>
              {t('optionsResetConfirm')}
            </button>
            <button type="button" onClick={() => ask(false)}>
              {t('optionsResetCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={start}
          type="button"
          class="button-danger-outline"
          onClick={() => {
            setDone(false);
            setFailed(false);
            ask(true);
          }}
        >
          {t('optionsResetStart')}
        </button>
      )}
      {failed && (
        <p class="alert" role="alert">
          {t('optionsResetFailed')}
        </p>
      )}
      <p class="saved" role="status">
        {done ? t('optionsResetDone') : ''}
      </p>
    </section>
  );
}
