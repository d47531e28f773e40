import { useState } from 'preact/hooks';
import { matchesQuery, type ListedAccount } from '@/utils/accounts/account-rows';
import { t } from '@/utils/i18n/translate';
import { AccountRow, type AccountRowActions } from './AccountRow';

/** Up to this many accounts fit in the popup at a glance; beyond it, a search box. */
const SEARCH_ABOVE = 8;

export function AccountList({ rows, onAdd, ...actions }: { rows: ListedAccount[]; onAdd: () => void } & AccountRowActions) {
  const [query, setQuery] = useState('');
  const searchable = rows.length > SEARCH_ABOVE;
  const visible = searchable && query.trim() ? rows.filter((row) => matchesQuery(row.account, query.trim())) : rows;
  return (
    <section aria-labelledby="accounts-heading">
      <div class="section-header">
        <h2 id="accounts-heading">{t('popupAccountsHeading', String(rows.length))}</h2>
        <button type="button" onClick={onAdd}>
          {t('popupAdd')}
        </button>
      </div>
      {searchable && (
        <div class="search">
          <label for="account-search" class="visually-hidden">
            {t('popupSearchLabel')}
          </label>
          <input
            id="account-search"
            type="search"
            placeholder={t('popupSearchPlaceholder')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </div>
      )}
      <ul class="account-list">
        {visible.map((row) => (
          <AccountRow key={row.account.address} row={row} {...actions} />
        ))}
      </ul>
      {visible.length === 0 && <p class="muted">{t('popupNoMatch')}</p>}
    </section>
  );
}
