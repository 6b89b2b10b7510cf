import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { draftFromForm } from './plan-draft';
import { fullPlan } from './plan-fixtures';
import { formFromPlan } from './plan-form';
import { saveErrors, staleSaveOf } from './save-errors';

const { fields } = draftFromForm(formFromPlan(fullPlan(), false), false, 'Mary Smith');

describe('a save someone else got in before', () => {
  it('carries the latest version and what changed since', () => {
    const whatChanged = [{ part: 'aboutMe', kind: 'added', subject: 'statement', summary: 'Added to “About me”: “Loves gardening”' }];
    const error = new ApiError({ title: 'Conflict', status: 409, detail: 'Someone else saved', currentVersion: 5, whatChanged } as never);
    expect(staleSaveOf(error)).toEqual({ currentVersion: 5, whatChanged });
  });

  it('is only a 409 that says so', () => {
    expect(staleSaveOf(new ApiError({ title: 'Conflict', status: 409 }))).toBeUndefined();
    expect(staleSaveOf(new Error('offline'))).toBeUndefined();
  });
});

describe('a save the server refused', () => {
  it('links each problem to its input, in the form’s order, and says which part an unlinked one is about', () => {
    const error = new ApiError({
      title: 'You do not have access to this',
      status: 403,
      errors: [
        { field: 'healthAndCare', reason: 'Only clinical roles can remove statements in “My health and care”. You can add a comment' },
        { field: 'goals.0.inMyWords', reason: 'These are the person’s own words: staff cannot change them. You can add a comment' },
        { field: 'aboutMe.1.text', reason: 'Write the statement, or remove it' },
      ],
    });
    expect(saveErrors(error, fields)).toEqual([
      { message: 'My health and care: Only clinical roles can remove statements in “My health and care”. You can add a comment' },
      { fieldId: 'plan-about-me-1-text', message: 'Write the statement, or remove it' },
      { fieldId: 'plan-goals-0-in-my-words-comment', message: 'These are the person’s own words: staff cannot change them. You can add a comment' },
    ]);
  });

  it('says a refusal with no fields, or a failure, in plain words', () => {
    expect(saveErrors(new ApiError({ title: 'Forbidden', status: 403, detail: 'You are not in this person’s care team' }), fields)).toEqual([
      { message: 'You are not in this person’s care team' },
    ]);
    expect(saveErrors(new ApiError({ title: 'Error', status: 500 }), fields)).toEqual([{ message: SERVICE_PROBLEM }]);
  });
});
