import { describe, expect, it } from 'vitest';
import type { Staff } from '../auth/session';
import { directoryNavigation, looksAfterDirectory } from './access';
import { fromSearchOf, searchOf, updatedNoticeOf } from './page-state';
import { pageOf, staleCountWords } from './stale-words';

const staffWith = (...roles: string[]) =>
  ({ id: 's', name: 'Sam', email: 's@example.org', roles: roles.map((role) => ({ organisationId: 'o', organisationName: 'Org', role })) }) as Staff;

describe('who looks after the directory', () => {
  it('is a network lead, a commissioner or an administrator', () => {
    for (const role of ['network_lead', 'commissioner', 'admin']) expect(looksAfterDirectory(staffWith('gp', role))).toBe(true);
    expect(looksAfterDirectory(staffWith('coordinator', 'gp'))).toBe(false);
    expect(looksAfterDirectory(undefined)).toBe(false);
  });

  it('gives them a header link to the changes to review as well as the search', () => {
    expect(directoryNavigation(staffWith('coordinator')).map((item) => item.to)).toEqual(['/directory']);
    expect(directoryNavigation(staffWith('commissioner')).map((item) => item.to)).toEqual(['/directory', '/directory/reviews']);
    expect(directoryNavigation(null)).toEqual([]);
  });
});

describe('the stale report', () => {
  it('reads the page from the link, the first page for anything else', () => {
    expect(pageOf('3')).toBe(3);
    expect(pageOf(null)).toBe(1);
    expect(pageOf('0')).toBe(1);
    expect(pageOf('two')).toBe(1);
  });

  it('counts what needs checking', () => {
    expect(staleCountWords(0)).toMatch(/^Every listing has been checked/);
    expect(staleCountWords(1)).toBe('1 listing needs checking.');
    expect(staleCountWords(12)).toBe('12 listings need checking.');
  });
});

describe('what the service page is passed', () => {
  it('keeps only a search query and a notice', () => {
    expect(searchOf({ search: '?text=lunch' })).toBe('?text=lunch');
    expect(searchOf({ search: 'https://elsewhere.example' })).toBe('');
    expect(fromSearchOf({ search: '?text=lunch', updated: 'The listing has been updated' })).toEqual({ search: '?text=lunch' });
    expect(fromSearchOf(null)).toEqual({});
    expect(updatedNoticeOf({ updated: 'The listing has been updated' })).toBe('The listing has been updated');
    expect(updatedNoticeOf({ updated: 3 })).toBeUndefined();
  });
});
