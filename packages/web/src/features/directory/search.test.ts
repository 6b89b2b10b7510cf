import { describe, expect, it } from 'vitest';
import { apiQueryOf, hasFilters, searchFromParams, searchParamsOf, type DirectorySearch } from './search';
import { searchErrors } from './search-errors';
import { ApiError } from '../../api/client';

const empty: DirectorySearch = { taxonomy: [], freeOnly: false, page: 1 };

describe('directory search in the URL', () => {
  it('round-trips every field, writing codes as a GET form does and leaving out page 1', () => {
    const search: DirectorySearch = {
      text: 'lunch club',
      taxonomy: ['lunch-club', 'befriending'],
      day: 'thursday',
      partOfDay: 'afternoon',
      postcode: 'CR0 1NX',
      radius: 5000,
      freeOnly: true,
      page: 2,
    };
    const query = searchParamsOf(search);
    expect(query).toBe(
      '?text=lunch+club&taxonomy=lunch-club&taxonomy=befriending&day=thursday&partOfDay=afternoon&postcode=CR0+1NX&radius=5000&freeOnly=true&page=2',
    );
    expect(searchFromParams(new URLSearchParams(query))).toEqual(search);
    expect(searchParamsOf({ ...empty, text: 'walk' })).toBe('?text=walk');
    expect(searchParamsOf(empty)).toBe('');
  });

  it('reads codes given comma separated too, without blanks or repeats', () => {
    expect(searchFromParams(new URLSearchParams('taxonomy=a,b,&taxonomy=b&taxonomy=c')).taxonomy).toEqual(['a', 'b', 'c']);
  });

  it('reads a submitted form the same way: empty fields are no filter, and the distance goes with a postcode', () => {
    const form = new FormData();
    form.set('text', '  ');
    form.append('taxonomy', 'walking-group');
    form.set('day', '');
    form.set('partOfDay', '');
    form.set('postcode', 'cr0 1nx');
    form.set('radius', '1000');
    expect(searchFromParams(form)).toEqual({ ...empty, taxonomy: ['walking-group'], postcode: 'CR0 1NX', radius: 1000 });
    form.set('postcode', '');
    expect(searchFromParams(form)).toEqual({ ...empty, taxonomy: ['walking-group'] });
  });

  it('writes the default distance with a postcode, and none without', () => {
    expect(searchParamsOf({ ...empty, postcode: 'CR0 1NX' })).toBe('?postcode=CR0+1NX&radius=2000');
    expect(searchParamsOf({ ...empty, radius: 5000 })).toBe('');
  });

  it('drops what the form cannot show and reads a nonsense page as page 1', () => {
    const search = searchFromParams(new URLSearchParams('day=someday&partOfDay=night&freeOnly=yes&page=-2'));
    expect(search).toEqual(empty);
    expect(searchFromParams(new URLSearchParams('day=Monday')).day).toBe('monday');
    expect(searchFromParams(new URLSearchParams('page=x')).page).toBe(1);
  });

  it('asks the API with codes comma separated, the page size, and a distance only near a postcode', () => {
    expect(apiQueryOf({ ...empty, taxonomy: ['a', 'b'], freeOnly: true })).toEqual({
      text: undefined,
      taxonomy: 'a,b',
      day: undefined,
      partOfDay: undefined,
      postcode: undefined,
      radius: undefined,
      freeOnly: 'true',
      page: 1,
      perPage: 20,
    });
    expect(apiQueryOf({ ...empty, postcode: 'CR0 1NX' }).radius).toBe(2000);
  });

  it('knows a search with no filters from one with some', () => {
    expect(hasFilters(empty)).toBe(false);
    expect(hasFilters({ ...empty, page: 3 })).toBe(false);
    expect(hasFilters({ ...empty, freeOnly: true })).toBe(true);
  });
});

describe('errors from the API', () => {
  it('links each field error to the form field of the same name, and lists the rest', () => {
    const error = new ApiError({
      title: 'Bad request',
      status: 400,
      errors: [
        { field: 'postcode', reason: 'Kith does not know where SW1A 1AA is' },
        { field: 'taxonomy.2', reason: 'Each taxonomy code is at most 100 characters' },
        { field: 'openNow', reason: 'Must be true or false' },
      ],
    });
    expect(searchErrors(error)).toEqual([
      { fieldId: 'postcode', message: 'Kith does not know where SW1A 1AA is' },
      { fieldId: 'taxonomy', message: 'Each taxonomy code is at most 100 characters' },
      { message: 'Must be true or false' },
    ]);
    expect(searchErrors(new ApiError({ title: 'Server error', status: 500 }))).toEqual([]);
  });
});
