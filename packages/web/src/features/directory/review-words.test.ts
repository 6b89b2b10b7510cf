import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { decisionErrors, isOutdated, proposedChangeRows } from './review-words';
import type { PendingEdit } from './types';

const pending: PendingEdit = {
  id: 'e1',
  serviceId: 's1',
  serviceName: 'Thursday lunch club',
  basedOnVersion: 4,
  currentVersion: 4,
  proposed: { version: 4, verified: true },
  proposedBy: 'Alex Jones',
  proposedAt: '2026-05-04T10:15:00.000Z',
};

describe('what a proposed change would do, in words', () => {
  it('lists each detail in the form’s order, saying when one would be removed', () => {
    expect(
      proposedChangeRows({ version: 4, details: { maximumAge: 90, website: null, name: 'Lunch club', minimumAge: 0, description: null } }),
    ).toEqual([
      { key: 'Name', value: 'Lunch club' },
      { key: 'Description', value: 'Remove the description' },
      { key: 'Website', value: 'Remove the website' },
      { key: 'Youngest age', value: '0' },
      { key: 'Oldest age', value: '90' },
    ]);
  });

  it('names the capacity, the referral mode and the check', () => {
    expect(
      proposedChangeRows({
        version: 4,
        capacity: { state: 'full' },
        referralMode: { mode: 'direct_referral', how: 'Email referrals@example.org' },
        verified: true,
      }),
    ).toEqual([
      { key: 'Capacity', value: 'Full: not taking referrals' },
      { key: 'How people get to it', value: 'Takes direct referrals' },
      { key: 'How to refer', value: 'Email referrals@example.org' },
      { key: 'Checked with the service', value: 'Yes, on the day the change was proposed' },
    ]);
    expect(proposedChangeRows({ version: 4, referralMode: { mode: 'signpost_only' } })).toEqual([{ key: 'How people get to it', value: 'Signpost only' }]);
  });
});

describe('a decision refused', () => {
  it('knows an edit the listing has moved on from', () => {
    expect(isOutdated(pending)).toBe(false);
    expect(isOutdated({ ...pending, currentVersion: 5 })).toBe(true);
  });

  it('says a change to a listing that changed since can only be rejected, linking to Reject', () => {
    const error = new ApiError({ title: 'Conflict', status: 409, errors: [{ field: 'version', reason: 'The listing is now at version 5' }] });
    expect(decisionErrors(error, pending)).toEqual([
      {
        fieldId: 'reject-e1',
        message: 'The change to Thursday lunch club cannot be approved. The listing is now at version 5: it changed after this was proposed, so the change can only be rejected.',
      },
    ]);
  });

  it('gives the API’s words when someone else decided first, and the service problem otherwise', () => {
    const decided = new ApiError({ title: 'Conflict', status: 409, detail: 'This edit was already approved' });
    expect(decisionErrors(decided, pending)).toEqual([{ message: 'Thursday lunch club: This edit was already approved' }]);
    expect(decisionErrors(new Error('offline'), pending)).toEqual([{ message: `Thursday lunch club: ${SERVICE_PROBLEM}` }]);
    const tooLong = new ApiError({ title: 'Bad request', status: 400, errors: [{ field: 'note', reason: 'At most 1000 characters' }] });
    expect(decisionErrors(tooLong, pending)).toEqual([{ fieldId: 'note-e1', message: 'Thursday lunch club: At most 1000 characters' }]);
  });
});
