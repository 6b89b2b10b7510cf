/** What a reviewer reads about a proposed change to a listing, and about a decision the API refused. */
import { CAPACITY_WORDS, type ListingEdit } from '@kith/core';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import type { FormError } from '../../components/ErrorSummary';
import type { PendingEdit } from './types';
import { referralWords } from './words';

export interface ChangeRow {
  key: string;
  value: string;
}

type DetailKey = keyof NonNullable<ListingEdit['details']>;

/** The details in the order the form asks for them, each with its label and what emptying it means. */
const DETAIL_ROWS: readonly { key: DetailKey; label: string; removed: string }[] = [
  { key: 'name', label: 'Name', removed: 'Remove the name' },
  { key: 'description', label: 'Description', removed: 'Remove the description' },
  { key: 'phone', label: 'Phone number', removed: 'Remove the phone number' },
  { key: 'email', label: 'Email address', removed: 'Remove the email address' },
  { key: 'website', label: 'Website', removed: 'Remove the website' },
  { key: 'minimumAge', label: 'Youngest age', removed: 'Remove the youngest age' },
  { key: 'maximumAge', label: 'Oldest age', removed: 'Remove the oldest age' },
  { key: 'eligibility', label: 'Who it is for', removed: 'Remove who it is for' },
];

/** Each part of the listing the edit would change, in words, in the form's order. */
export function proposedChangeRows(edit: ListingEdit): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const { key, label, removed } of DETAIL_ROWS) {
    const value = edit.details?.[key];
    if (value === undefined) continue;
    rows.push({ key: label, value: value === null ? removed : String(value) });
  }
  if (edit.capacity) rows.push({ key: 'Capacity', value: CAPACITY_WORDS[edit.capacity.state] });
  if (edit.referralMode) {
    rows.push({ key: 'How people get to it', value: referralWords(edit.referralMode.mode) });
    if (edit.referralMode.how) rows.push({ key: 'How to refer', value: edit.referralMode.how });
  }
  if (edit.verified) rows.push({ key: 'Checked with the service', value: 'Yes, on the day the change was proposed' });
  return rows;
}

/** Whether the listing has changed since the edit was proposed, so approving it would be refused. */
export const isOutdated = (edit: PendingEdit) => edit.currentVersion !== edit.basedOnVersion;

/** The id of the button that rejects an edit, which a refusal to approve it links to. */
export const rejectButtonId = (edit: PendingEdit) => `reject-${edit.id}`;
export const noteFieldId = (edit: PendingEdit) => `note-${edit.id}`;

/**
 * What the error summary says when a decision is refused. A 409 on approving, because the listing
 * changed after the edit was proposed, gives the API's reason and says only rejecting is left;
 * one because someone else already decided gives the API's own words.
 */
export function decisionErrors(error: unknown, edit: PendingEdit): FormError[] {
  if (!isApiError(error, 409)) {
    return formErrors(error, { note: noteFieldId(edit) }).map((problem) => ({ ...problem, message: `${edit.serviceName}: ${problem.message}` }));
  }
  const version = error.problem.errors?.find((problem) => problem.field === 'version');
  if (version) {
    return [
      {
        fieldId: rejectButtonId(edit),
        message: `The change to ${edit.serviceName} cannot be approved. ${version.reason}: it changed after this was proposed, so the change can only be rejected.`,
      },
    ];
  }
  return [{ message: `${edit.serviceName}: ${error.problem.detail ?? error.problem.title}` }];
}
