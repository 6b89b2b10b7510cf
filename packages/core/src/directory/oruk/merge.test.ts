import { describe, expect, it } from 'vitest';
import { orukFixtureJson } from '../../../test/fixtures/oruk/load.js';
import { DomainError } from '../../errors.js';
import { changedServiceFields } from './compare.js';
import { importOrukJson } from './import-json.js';
import { planDirectoryMerge } from './merge.js';
import type { DirectoryServiceRecord } from './model.js';

const feed = (feedId: string, file = 'kith-v1/services_page_v1.json'): DirectoryServiceRecord[] => importOrukJson(orukFixtureJson(file), { feedId }).services;

function edited(record: DirectoryServiceRecord, change: (r: DirectoryServiceRecord) => void): DirectoryServiceRecord {
  const copy = structuredClone(record);
  change(copy);
  return copy;
}

describe('planning the merge of a feed', () => {
  it('sorts what came in into created, updated, unchanged and absent', () => {
    const [lunch, calls] = feed('council');
    const existing = [lunch!, edited(calls!, (r) => (r.service.description = 'Old words')), { source: { feedId: 'council', sourceId: 'gone' }, service: { ...lunch!.service, id: 'gone' } }];
    const newcomer = edited(lunch!, (r) => {
      r.service.id = 'new';
      r.source.sourceId = 'new';
    });
    const plan = planDirectoryMerge({ feedId: 'council', incoming: [calls!, lunch!, newcomer], existing });
    expect(plan.created.map((r) => r.source.sourceId)).toEqual(['new']);
    expect(plan.updated.map((u) => [u.after.source.sourceId, u.changedFields])).toEqual([[calls!.source.sourceId, ['description']]]);
    expect(plan.unchanged.map((r) => r.source.sourceId)).toEqual([lunch!.source.sourceId]);
    expect(plan.absent.map((r) => r.source.sourceId)).toEqual(['gone']);
    expect(plan.conflicts).toEqual([]);
  });

  it('does not count re-minted part ids or reordered lists as a change', () => {
    const [lunch] = feed('council');
    const reissued = edited(lunch!, (r) => {
      r.service.schedules.reverse();
      r.service.schedules.forEach((s, i) => (s.id = `new-${i}`));
      r.service.service_at_locations[0]!.location.id = 'new-place';
    });
    expect(changedServiceFields(lunch!.service, reissued.service)).toEqual([]);
    expect(changedServiceFields(lunch!.service, edited(lunch!, (r) => (r.service.schedules[0]!.opens_at = '12:30')).service)).toEqual(['schedules']);
  });

  it('reports each field two feeds describe differently for the same service, with both values', () => {
    const [lunch] = feed('council');
    const charity = edited(lunch!, (r) => {
      r.source.feedId = 'charity';
      r.service.email = 'lunch@charity.example.org.uk';
      r.service.organization!.name = 'THCA';
      delete r.service.fees;
    });
    const plan = planDirectoryMerge({ feedId: 'council', incoming: [lunch!], existing: [charity] });
    expect(plan.created).toHaveLength(1);
    expect(plan.conflicts).toEqual([
      { incoming: lunch!.source, other: charity.source, field: 'email', incomingValue: 'hello@lunchclub.example.org.uk', otherValue: 'lunch@charity.example.org.uk' },
      { incoming: lunch!.source, other: charity.source, field: 'organization.name', incomingValue: 'Thornton Heath Community Association', otherValue: 'THCA' },
    ]);
  });

  it('compares records people linked as one service though their ids differ', () => {
    const [lunch] = feed('council');
    const linked = edited(lunch!, (r) => {
      r.source = { feedId: 'charity', sourceId: 'lunch-1' };
      r.service.id = 'lunch-1';
      r.service.minimum_age = 50;
    });
    const unlinked = planDirectoryMerge({ feedId: 'council', incoming: [lunch!], existing: [linked] });
    expect(unlinked.conflicts).toEqual([]);
    const plan = planDirectoryMerge({ feedId: 'council', incoming: [lunch!], existing: [linked], sameService: [[linked.source, lunch!.source]] });
    expect(plan.conflicts.map((c) => [c.field, c.incomingValue, c.otherValue])).toEqual([['minimum_age', 18, 50]]);
  });

  it('gives the same plan whatever order the records come in', () => {
    const records = feed('council');
    const older = records.map((r) => edited(r, (x) => (x.service.description = 'Before')));
    const a = planDirectoryMerge({ feedId: 'council', incoming: records, existing: older });
    const b = planDirectoryMerge({ feedId: 'council', incoming: [...records].reverse(), existing: [...older].reverse() });
    expect(b).toEqual(a);
  });

  it('refuses records from another feed, or one service given twice', () => {
    const [lunch] = feed('council');
    expect(() => planDirectoryMerge({ feedId: 'charity', incoming: [lunch!], existing: [] })).toThrow(DomainError);
    expect(() => planDirectoryMerge({ feedId: 'council', incoming: [lunch!, lunch!], existing: [] })).toThrow(DomainError);
  });
});
