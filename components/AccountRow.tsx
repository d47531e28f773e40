import { useState } from 'preact/hooks';
import type { ListedAccount } from '@/utils/accounts/account-rows';
import { formatItalianDate } from '@/utils/dates/calendar-date';
import { daysLeftPhrase } from '@/utils/dates/days-left-phrase';
import { t, type MessageKey } from '@/utils/i18n/translate';
import type { IsoDate } from '@/utils/dates/calendar-date';
import type { Account, Attribution } from '@/utils/store/types';
import { isUnnamedMailbox } from '@/utils/store/unnamed-mailbox';
import { DaysLeft } from './DaysLeft';
import { MoveCaptureForm } from './MoveCaptureForm';
import { ProgramsChecklist } from './ProgramsChecklist';
import { RenewalRequest } from './RenewalRequest';
import './account-text.css';

export interface AccountRowActions {
  onRenew: (account: Account) => void;
  onEdit: (account: Account) => void;
  onDelete: (account: Account) => void;
  onTick: (account: Account, program: string, done: boolean) => void;
  /** The client of an office's account was asked for the new password. */
  onAsked: (account: Account) => void;
  /** The expiry shown for the account belongs to the mailbox `to`: resolves to an error, or null once moved. */
  onMove: (account: Account, to: string) => Promise<MessageKey | null>;
  /** By address, the accounts whose last expiry came from a page's context, not from the page: they may be corrected. */
  attributed: ReadonlyMap<string, Attribution>;
  /** Tracked addresses, offered when correcting. */
  known: readonly string[];
  /** Settings.requestTemplate. */
  requestTemplate: string;
  /** Settings.officeLeadDays. */
  officeLeadDays: number;
  today: IsoDate;
}

function expiryLine({ account, daysLeft }: ListedAccount): string {
  if (!account.expiry || daysLeft === null) return t('accountExpiryUnknown');
  const date = formatItalianDate(account.expiry);
  return daysLeft < 0 ? t('accountExpiredOn', [date, daysLeftPhrase(t, daysLeft)]) : t('accountExpiresOn', date);
}

/** The name a row goes by: the user's label, the address, or «Casella da indicare». */
export function rowName(account: Account): string {
  return account.label || (isUnnamedMailbox(account.address) ? t('popupUnnamedHeading') : account.address);
}

/**
 * One tracked mailbox: days left, name, expiry date, what to do next. Page-derived text is plain
 * text. An expiry a page's context attributed to it says so, with the way to move it elsewhere.
 */
export function AccountRow({
  row,
  onRenew,
  onEdit,
  onDelete,
  onTick,
  onAsked,
  onMove,
  attributed,
  known,
  requestTemplate,
  officeLeadDays,
  today,
}: { row: ListedAccount } & AccountRowActions) {
  const { account, daysLeft, color } = row;
  const [correcting, setCorrecting] = useState(false);
  const name = rowName(account);
  const unnamed = isUnnamedMailbox(account.address);
  const attribution = attributed.get(account.address);
  const toUpdate = account.programsToUpdate.length > 0;
  // Filled only where the badge is amber or red, so the eye goes to what needs renewing now.
  const urgent = color === 'amber' || color === 'red';
  return (
    <li class={daysLeft !== null && daysLeft < 0 ? 'account account-expired' : 'account'}>
      <div class="account-summary">
        <DaysLeft daysLeft={daysLeft} color={color} />
        <div class="account-body">
          <h3 class="account-name">{name}</h3>
          {account.owner && <p class="account-owner">{account.owner}</p>}
          {account.label && !unnamed && <p class="account-address">{account.address}</p>}
          <p class="account-expiry">
            {expiryLine(row)}
            {toUpdate && <span class="tag">{t('accountToUpdateTag')}</span>}
          </p>
        </div>
      </div>
      {attribution && account.expiry && (
        <div class="account-attributed">
          <p class="hint">{t('accountAttributedNote')}</p>
          {correcting ? (
            <MoveCaptureForm
              id={`move-${account.address.replace(/\W/g, '-')}`}
              class="move-capture"
              question={t('accountMoveQuestion', formatItalianDate(account.expiry))}
              hint={t(attribution.before ? 'accountMoveHint' : 'accountMoveHintNew', account.address)}
              submitLabel={t('accountMoveSave')}
              known={known.filter((address) => address !== account.address)}
              onSubmit={(to) => onMove(account, to)}
              onCancel={() => setCorrecting(false)}
            />
          ) : (
            <button type="button" class="button-quiet" aria-label={t('accountNotThisMailboxFor', name)} onClick={() => setCorrecting(true)}>
              {t('accountNotThisMailbox')}
            </button>
          )}
        </div>
      )}
      {(account.owner || account.contact) && (
        <RenewalRequest account={account} name={name} template={requestTemplate} today={today} officeLeadDays={officeLeadDays} onAsked={onAsked} />
      )}
      {toUpdate && <ProgramsChecklist account={account} onTick={(program, done) => onTick(account, program, done)} />}
      <div class="actions">
        <button type="button" class={urgent ? 'button-primary' : undefined} aria-label={t('accountRenewFor', name)} onClick={() => onRenew(account)}>
          {t('actionRenewNow')}
        </button>
        {!unnamed && (
          <button type="button" class="button-quiet" aria-label={t('accountEditFor', name)} onClick={() => onEdit(account)}>
            {t('accountEdit')}
          </button>
        )}
        <button type="button" class="button-quiet" aria-label={t('accountDeleteFor', name)} onClick={() => onDelete(account)}>
          {t('accountDelete')}
        </button>
      </div>
    </li>
  );
}
