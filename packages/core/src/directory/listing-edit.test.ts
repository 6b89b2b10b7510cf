import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { applyListingDetails, parseListingEdit } from './listing-edit.js';
import type { DirectoryService } from './oruk/model.js';

const service: DirectoryService = {
  id: 's1',
  name: 'Thursday Lunch Club',
  description: 'A hot meal',
  status: 'active',
  email: 'old@example.org',
  phones: [{ id: 'p1', number: '020 7946 0001' }, { id: 'p2', number: '020 7946 0002' }],
  schedules: [],
  service_areas: [],
  service_at_locations: [],
  languages: [],
  funding: [],
  cost_options: [],
  contacts: [],
  attributes: [],
};

function problems(input: unknown) {
  try {
    parseListingEdit(input);
  } catch (error) {
    if (error instanceof DomainError) return error.problems;
    throw error;
  }
  return [];
}

describe('an edit to a listing', () => {
  it('takes details, capacity, referral mode and a check, at a version', () => {
    const edit = parseListingEdit({
      version: 3,
      details: { name: ' Lunch Club ', website: 'https://lunch.example.org', minimumAge: 60 },
      capacity: { state: 'waiting_list' },
      referralMode: { mode: 'direct_referral', how: 'Email referrals@lunch.example.org' },
      verified: true,
    });
    expect(edit.details?.name).toBe('Lunch Club');
    expect(edit.capacity?.state).toBe('waiting_list');
  });

  it('names each field at fault', () => {
    expect(problems({ details: { name: 'x' } })).toContainEqual({ field: 'version', reason: 'Give the version you read' });
    expect(problems({ version: 1 })).toEqual([{ field: 'body', reason: 'Say what to change' }]);
    expect(problems({ version: 1, details: { minimumAge: 70, maximumAge: 60 } })).toEqual([{ field: 'details.maximumAge', reason: 'Must be the same as or more than the youngest age' }]);
    expect(problems({ version: 1, referralMode: { mode: 'direct_referral' } })).toEqual([{ field: 'referralMode.how', reason: 'Say how to refer: an email address, a phone number or a form' }]);
    expect(problems({ version: 1, details: { website: 'javascript:alert(1)' } })).toEqual([{ field: 'details.website', reason: 'Must be a web address starting https:// or http://' }]);
    expect(problems({ version: 1, capacity: { state: 'open' } })).toEqual([{ field: 'capacity.state', reason: 'Must be taking_referrals, waiting_list or full' }]);
    expect(problems({ version: 1, verified: false })).toEqual([{ field: 'verified', reason: 'Only true: say the listing was checked' }]);
    expect(problems({ version: 1, details: { colour: 'red' } })).toEqual([{ field: 'details.colour', reason: 'Unknown field' }]);
  });
});

describe('applying the details', () => {
  it('changes what is given and leaves the rest', () => {
    const next = applyListingDetails(service, { name: 'Lunch Club', website: 'https://lunch.example.org', phone: '020 7946 0009' });
    expect(next).toMatchObject({ name: 'Lunch Club', description: 'A hot meal', url: 'https://lunch.example.org', email: 'old@example.org' });
    expect(next.phones).toEqual([{ id: 'p1', number: '020 7946 0009' }, { id: 'p2', number: '020 7946 0002' }]);
    expect(service.name).toBe('Thursday Lunch Club');
  });

  it('removes a field set to nothing, as Open Referral UK leaves empty fields out', () => {
    const next = applyListingDetails(service, { description: null, email: null, phone: null });
    expect('description' in next).toBe(false);
    expect('email' in next).toBe(false);
    expect(next.phones).toEqual([{ id: 'p2', number: '020 7946 0002' }]);
  });
});
