import { describe, expect, it } from 'vitest';
import type { StaffAccount } from './api';
import { filterAccounts, filterFromParams, paramsOfFilter } from './filter';

const grant = (organisationId: string) => ({ organisationId, organisationName: organisationId, role: 'gp' as const });
const accounts: StaffAccount[] = [
  { id: '1', name: 'Asha Patel', email: 'asha@example.test', disabled: false, roles: [grant('a')] },
  { id: '2', name: 'Ben Jones', email: 'ben.j@example.test', disabled: true, roles: [grant('b'), grant('a')] },
  { id: '3', name: 'Chloe Smith', email: 'chloe@other.test', disabled: false, roles: [grant('b')] },
];
const ids = (found: StaffAccount[]) => found.map((account) => account.id);

describe('filtering staff accounts', () => {
  it('keeps everyone when there is no filter', () => {
    expect(ids(filterAccounts(accounts, { organisationId: '', text: ' ' }))).toEqual(['1', '2', '3']);
  });

  it('keeps accounts with any role in the organisation', () => {
    expect(ids(filterAccounts(accounts, { organisationId: 'a', text: '' }))).toEqual(['1', '2']);
  });

  it('matches part of the name or the email, in any case', () => {
    expect(ids(filterAccounts(accounts, { organisationId: '', text: 'JONES' }))).toEqual(['2']);
    expect(ids(filterAccounts(accounts, { organisationId: 'b', text: 'other.test' }))).toEqual(['3']);
  });

  it('round-trips through the URL, leaving out empty values', () => {
    const filter = { organisationId: 'a', text: 'ben' };
    expect(filterFromParams(new URLSearchParams(paramsOfFilter(filter)))).toEqual(filter);
    expect(paramsOfFilter({ organisationId: '', text: ' ' })).toBe('');
  });
});
