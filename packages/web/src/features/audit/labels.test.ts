import { describe, expect, it } from 'vitest';
import { actorKindInWords, whatHappened } from './labels';

describe('audit events in words', () => {
  it('names the parts of a record as the access policy does', () => {
    expect(whatHappened('read', 'summary')).toBe("Looked at a person's summary");
    expect(whatHappened('search', 'identity')).toBe("Saw in search results a person's identity");
  });

  it('names events outside the parts of a record', () => {
    expect(whatHappened('break_glass', 'break_glass_grant')).toBe('Used emergency access to a record');
    expect(whatHappened('read', 'api_call')).toBe('Looked at the API');
  });

  it('falls back to the words the log holds, never to what an object inherits', () => {
    expect(whatHappened('archive', 'care_plan_draft')).toBe('archive care plan draft');
    expect(whatHappened('read', 'constructor')).toBe('Looked at constructor');
    expect(actorKindInWords('toString')).toBe('toString');
  });
});
