import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTimelineEntries, mergeTimeline, timelineCursorOf, timelineFilterSchema, type TimelineEntry, type TimelineEntryType } from './timeline.js';

const surgery = '00000000-0000-4000-8000-0000000000a1';
const council = '00000000-0000-4000-8000-0000000000a2';

const entry = (id: string, type: TimelineEntryType, at: string, organisationId?: string): TimelineEntry => ({ id, type, at, title: `${type} ${id}`, organisationId });

const contacts = [entry('c2', 'contact', '2026-05-20T10:00:00Z', council), entry('c1', 'contact', '2026-05-01T10:00:00Z', council)];
const tasks = [entry('t2', 'task', '2026-05-20T10:00:00Z', surgery), entry('t1', 'task', '2026-05-10T09:00:00+01:00', surgery)];
const referrals = [entry('r1', 'referral', '2026-04-28T12:00:00Z', surgery)];
const lists = [contacts, tasks, referrals];
const filter = (query: Record<string, unknown>) => timelineFilterSchema.parse(query);

describe('the timeline query', () => {
  it('defaults to 50 entries of every type, and reads a comma-separated list of types', () => {
    expect(filter({})).toEqual({ limit: 50 });
    expect(filter({ types: 'contact, task,contact', limit: '200' })).toEqual({ types: ['contact', 'task'], limit: 200 });
    expect(filter({ types: ['contact', 'referral'] }).types).toEqual(['contact', 'referral']);
    expect(filter({ types: '' }).types).toBeUndefined();
  });

  it('names the field at fault', () => {
    const fields = (query: Record<string, unknown>) => timelineFilterSchema.safeParse(query).error?.issues.map((i) => i.path.join('.'));
    expect(fields({ types: 'contact,letters' })).toEqual(['types']);
    expect(timelineFilterSchema.safeParse({ types: 'letters' }).error?.issues[0]?.message).toMatch(/^Unknown type letters: choose from assessment/);
    expect(fields({ limit: '0' })).toEqual(['limit']);
    expect(fields({ limit: '201' })).toEqual(['limit']);
    expect(fields({ limit: 'many' })).toEqual(['limit']);
    expect(fields({ organisationId: 'surgery' })).toEqual(['organisationId']);
    expect(fields({ before: 'yesterday' })).toEqual(['before']);
    expect(fields({ page: '2' })).toEqual(['']);
  });
});

describe('merging the timeline', () => {
  it('merges newest first, breaking a tie of instants by id, descending', () => {
    expect(mergeTimeline(lists, filter({})).entries.map((e) => e.id)).toEqual(['t2', 'c2', 't1', 'c1', 'r1']);
  });

  it('filters by type and by organisation', () => {
    expect(mergeTimeline(lists, filter({ types: 'contact,referral' })).entries.map((e) => e.id)).toEqual(['c2', 'c1', 'r1']);
    expect(mergeTimeline(lists, filter({ organisationId: surgery })).entries.map((e) => e.id)).toEqual(['t2', 't1', 'r1']);
    expect(mergeTimeline(lists, filter({ types: 'task', organisationId: council })).entries).toEqual([]);
  });

  it('pages with a cursor that continues after a shared instant', () => {
    const first = mergeTimeline(lists, filter({ limit: '1' }));
    expect(first).toEqual({ entries: [tasks[0]], nextBefore: '2026-05-20T10:00:00.000Z~t2' });
    const second = mergeTimeline(lists, filter({ limit: '3', before: first.nextBefore }));
    expect(second.entries.map((e) => e.id)).toEqual(['c2', 't1', 'c1']);
    const last = mergeTimeline(lists, filter({ limit: '3', before: second.nextBefore }));
    expect(last).toEqual({ entries: [referrals[0]], nextBefore: null });
  });

  it('takes a bare instant as "everything before this time"', () => {
    expect(mergeTimeline(lists, filter({ before: '2026-05-20T10:00:00Z' })).entries.map((e) => e.id)).toEqual(['t1', 'c1', 'r1']);
    expect(timelineCursorOf({ id: 'x', at: '2026-05-10T09:00:00+01:00' })).toBe('2026-05-10T08:00:00.000Z~x');
  });

  it('gives the same pages as sorting everything, for any lists', () => {
    const types: TimelineEntryType[] = ['contact', 'task', 'referral', 'assessment'];
    const entryArb = fc.record({
      id: fc.uuid(),
      type: fc.constantFrom(...types),
      at: fc.integer({ min: 0, max: 50 }).map((m) => new Date(Date.UTC(2026, 4, 1, 9, m)).toISOString()),
      title: fc.constant('x'),
      organisationId: fc.constantFrom(surgery, council),
    });
    const sorted = (list: TimelineEntry[]) => [...list].sort(compareTimelineEntries);
    fc.assert(
      fc.property(fc.array(fc.array(entryArb, { maxLength: 15 }).map(sorted), { maxLength: 5 }), fc.integer({ min: 1, max: 7 }), fc.subarray(types, { minLength: 1 }), (ls, limit, chosen) => {
        const wanted = sorted(ls.flat()).filter((e) => chosen.includes(e.type));
        const pages: TimelineEntry[] = [];
        let before: string | null | undefined;
        do {
          const page = mergeTimeline(ls, filter({ types: chosen.join(','), limit: String(limit), ...(before ? { before } : {}) }));
          expect(page.entries.length).toBeLessThanOrEqual(limit);
          pages.push(...page.entries);
          before = page.nextBefore;
        } while (before);
        expect(pages).toEqual(wanted);
      }),
    );
  });
});
