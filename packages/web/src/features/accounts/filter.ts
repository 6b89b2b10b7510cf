import type { StaffAccount } from './api';

/** The list's filter as it lives in the URL (/admin/staff?organisation=…&name=…). */
export interface AccountFilter {
  organisationId: string;
  text: string;
}

export function filterFromParams(params: URLSearchParams): AccountFilter {
  return { organisationId: params.get('organisation')?.trim() ?? '', text: params.get('name')?.trim() ?? '' };
}

/** Empty values are left out, so "no filter" is the plain /admin/staff. */
export function paramsOfFilter({ organisationId, text }: AccountFilter): string {
  const params = new URLSearchParams();
  if (organisationId) params.set('organisation', organisationId);
  if (text.trim()) params.set('name', text.trim());
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Accounts with a role in the organisation whose name or email contains the text, in any case. */
export function filterAccounts(accounts: StaffAccount[], { organisationId, text }: AccountFilter): StaffAccount[] {
  const needle = text.trim().toLocaleLowerCase('en-GB');
  return accounts.filter(
    (account) =>
      (!organisationId || account.roles.some((grant) => grant.organisationId === organisationId)) &&
      (!needle ||
        account.name.toLocaleLowerCase('en-GB').includes(needle) ||
        account.email.toLocaleLowerCase('en-GB').includes(needle)),
  );
}
