import { describe, expect, it } from 'vitest';
import { dateOfBirthFromParts, hasCriteria, partsOfDate, searchFromParams, searchParamsOf } from './search-criteria';

const today = '2025-06-01';

describe('person search in the URL', () => {
  it('round-trips criteria and page, leaving out empty values and page 1', () => {
    const search = { criteria: { name: 'mary smith', postcode: 'CR0 1' }, page: 2 };
    const query = searchParamsOf(search);
    expect(query).toBe('?name=mary+smith&postcode=CR0+1&page=2');
    expect(searchFromParams(new URLSearchParams(query))).toEqual(search);
    expect(searchParamsOf({ criteria: { name: 'x' }, page: 1 })).toBe('?name=x');
  });

  it('reads a missing or nonsense page as page 1', () => {
    expect(searchFromParams(new URLSearchParams('name=a&page=-3')).page).toBe(1);
    expect(searchFromParams(new URLSearchParams('name=a&page=x')).page).toBe(1);
  });

  it('needs at least one criterion', () => {
    expect(hasCriteria({})).toBe(false);
    expect(hasCriteria({ postcode: 'CR0' })).toBe(true);
  });
});

describe('date of birth from day, month and year', () => {
  it('combines the parts into an ISO date', () => {
    expect(dateOfBirthFromParts({ day: '12', month: '3', year: '1941' }, today)).toEqual({ date: '1941-03-12' });
  });

  it('treats three empty inputs as no date', () => {
    expect(dateOfBirthFromParts({ day: '', month: ' ', year: '' }, today)).toEqual({});
  });

  it('names the missing parts', () => {
    const { problem } = dateOfBirthFromParts({ day: '12', month: '', year: '' }, today);
    expect(problem).toEqual({ message: 'Date of birth must include a month and year', parts: ['month', 'year'] });
  });

  it('rejects dates that do not exist, short years and future dates', () => {
    expect(dateOfBirthFromParts({ day: '29', month: '2', year: '2023' }, today).problem?.message).toBe(
      'Date of birth must be a real date',
    );
    expect(dateOfBirthFromParts({ day: '1', month: '2', year: '41' }, today).problem?.parts).toEqual(['year']);
    expect(dateOfBirthFromParts({ day: '2', month: '6', year: '2025' }, today).problem?.message).toBe(
      'Date of birth must be today or in the past',
    );
  });

  it('splits an ISO date back into what a person types', () => {
    expect(partsOfDate('1941-03-02')).toEqual({ day: '2', month: '3', year: '1941' });
    expect(partsOfDate(undefined)).toEqual({ day: '', month: '', year: '' });
  });
});
