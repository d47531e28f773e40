import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n/translate';
import type { Account } from '@/utils/store/types';
import { isUnnamedMailbox } from '@/utils/store/unnamed-mailbox';

/** Confirms a deletion and offers to undo it. */
export function UndoDelete({ account, onUndo }: { account: Account; onUndo: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  // The deleted row took the focus with it: it lands on the one thing worth doing next.
  useEffect(() => button.current?.focus(), [account]);
  return (
    <div class="undo" role="status">
      <span>
        {!account.label && isUnnamedMailbox(account.address) ? t('popupDeletedUnnamed') : t('popupDeleted', account.label || account.address)}
      </span>
      <button ref={button} type="button" onClick={onUndo}>
        {t('popupUndo')}
      </button>
    </div>
  );
}
