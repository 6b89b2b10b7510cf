import { describe, expect, it } from 'vitest';
import { auditSearchFromParams, auditSearchParams, dayFromParts, rangeOf } from './audit-search';

describe('audit log search in the URL', () => {
  it('round-trips the criteria and the page, leaving out empty values', () => {
    const search = { personId: 'p', staffId: 's', from: '2026-06-01', to: '2026-06-02', before: 40 };
    expect(auditSearchFromParams(new URLSearchParams(auditSearchParams(search)))).toEqual(search);
    expect(auditSearchParams({ personId: '' })).toBe('');
  });

  it('ignores a nonsense page', () => {
    expect(auditSearchFromParams(new URLSearchParams('before=-3')).before).toBeUndefined();
  });

  it('covers whole days, the last one included', () => {
    const { from, to } = rangeOf({ from: '2026-06-01', to: '2026-06-01' });
    expect(new Date(to!).getTime() - new Date(from!).getTime()).toBe(24 * 3_600_000);
  });
});

describe('a day from three inputs', () => {
  it('reads a real date and treats three empty inputs as none', () => {
    expect(dayFromParts({ day: '3', month: '6', year: '2026' }, 'From')).toEqual({ date: '2026-06-03' });
    expect(dayFromParts({ day: '', month: '', year: '' }, 'From')).toEqual({});
  });

  it('names what is missing or wrong', () => {
    expect(dayFromParts({ day: '3', month: '', year: '2026' }, 'From').problem?.message).toBe('From must include a month');
    expect(dayFromParts({ day: '31', month: '2', year: '2026' }, 'To').problem?.message).toBe('To must be a real date');
  });
});
