import { describe, expect, it } from 'vitest';
import { agendaReasonSchema, compareReasons, describeReason, mergeReasons, type AgendaReason } from './agenda-reasons.js';

const sbar = { situation: 'Two falls this week', background: 'Lives alone', assessment: 'At risk', recommendation: 'Therapy visit' };

describe('why an item is on the agenda, in words', () => {
  it('says each reason plainly, with dates as people write them', () => {
    const words = (reason: AgendaReason) => describeReason(reason);
    expect(words({ kind: 'hospital_event', event: 'admission', encounterId: 'e1', on: '2026-11-03' })).toBe('Admitted to hospital on 3 November 2026');
    expect(words({ kind: 'hospital_event', event: 'discharge', encounterId: 'e1', on: '2026-11-07' })).toBe('Discharged from hospital on 7 November 2026');
    expect(words({ kind: 'hospital_event', event: 'ae_attendance', encounterId: 'e2', on: '2026-01-01' })).toBe('Attended A&E on 1 January 2026');
    expect(words({ kind: 'carried_over', meetings: 1 })).toBe('Carried over from 1 meeting');
    expect(words({ kind: 'carried_over', meetings: 2 })).toBe('Carried over from 2 meetings');
    expect(words({ kind: 'review_due', dueOn: '2026-11-17' })).toBe('Review due on 17 November 2026');
    expect(words({ kind: 'plan_review_due', dueOn: '2026-11-09' })).toBe('My Life plan review due on 9 November 2026');
    expect(
      words({ kind: 'social_prescribing', prescriptionId: 'p1', prescriptionKind: 'referral', serviceName: 'Walking for Health', state: 'completed', outcome: 'needs_met', on: '2026-11-06' }),
    ).toBe('Referred to Walking for Health: completed, needs met (6 November 2026)');
    expect(words({ kind: 'open_tasks', count: 1 })).toBe('1 open task');
    expect(words({ kind: 'open_tasks', count: 3 })).toBe('3 open tasks');
    expect(words({ kind: 'case_finding_new', ruleId: 'r1', ruleName: 'Frailty: two conditions, two admissions' })).toBe(
      'Newly meets the case-finding rule "Frailty: two conditions, two admissions"',
    );
    expect(words({ kind: 'manual', sbar, addedBy: 's1', addedAt: '2026-11-01T09:00:00Z' })).toBe('Raised by a team member: Two falls this week');
  });

  it('gives the England date a referral was accepted, not the UTC one', () => {
    // 23:30 UTC on 2 July is 00:30 BST on 3 July.
    expect(describeReason({ kind: 'referral_accepted', referralId: 'r', acceptedAt: '2026-07-02T23:30:00Z' })).toBe('Referral accepted on 3 July 2026');
    expect(describeReason({ kind: 'referral_accepted', referralId: 'r', acceptedAt: '2026-12-02T23:30:00Z' })).toBe('Referral accepted on 2 December 2026');
  });

  it('shortens a long situation on a whole character', () => {
    const long = `${'word '.repeat(30)}😀 end`;
    const text = describeReason({ kind: 'manual', sbar: { ...sbar, situation: long }, addedBy: 's1', addedAt: '2026-11-01T09:00:00Z' });
    expect([...text.replace('Raised by a team member: ', '')]).toHaveLength(100);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('reason order and de-duplication', () => {
  it('puts the kinds in the documented order', () => {
    const reasons: AgendaReason[] = [
      { kind: 'open_tasks', count: 1 },
      { kind: 'plan_review_due', dueOn: '2026-10-01' },
      { kind: 'social_prescribing', prescriptionId: 'p', prescriptionKind: 'signpost', serviceName: 'Lunch club', state: 'not_taken_up', outcome: null, on: '2026-11-01' },
      { kind: 'review_due', dueOn: '2026-11-01' },
      { kind: 'case_finding_new', ruleId: 'r', ruleName: 'Frailty' },
      { kind: 'referral_accepted', referralId: 'f', acceptedAt: '2026-11-01T10:00:00Z' },
      { kind: 'hospital_event', event: 'admission', encounterId: 'e', on: '2026-11-01' },
      { kind: 'manual', sbar, addedBy: 's', addedAt: '2026-11-01T10:00:00Z' },
      { kind: 'carried_over', meetings: 1 },
    ];
    expect(mergeReasons(reasons).map((r) => r.kind)).toEqual([
      'carried_over',
      'manual',
      'hospital_event',
      'referral_accepted',
      'case_finding_new',
      'review_due',
      'plan_review_due',
      'social_prescribing',
      'open_tasks',
    ]);
  });

  it('orders within a kind: longest pile-up, oldest event, longest wait, most overdue, most tasks first', () => {
    expect(compareReasons({ kind: 'carried_over', meetings: 3 }, { kind: 'carried_over', meetings: 1 })).toBeLessThan(0);
    expect(
      compareReasons({ kind: 'hospital_event', event: 'discharge', encounterId: 'a', on: '2026-11-01' }, { kind: 'hospital_event', event: 'admission', encounterId: 'b', on: '2026-11-02' }),
    ).toBeLessThan(0);
    // Compared as instants, not as text: 09:30+01:00 is before 09:00Z.
    expect(
      compareReasons(
        { kind: 'referral_accepted', referralId: 'b', acceptedAt: '2026-07-01T09:30:00+01:00' },
        { kind: 'referral_accepted', referralId: 'a', acceptedAt: '2026-07-01T09:00:00Z' },
      ),
    ).toBeLessThan(0);
    expect(compareReasons({ kind: 'review_due', dueOn: '2026-10-01' }, { kind: 'review_due', dueOn: '2026-11-01' })).toBeLessThan(0);
    expect(compareReasons({ kind: 'plan_review_due', dueOn: '2026-10-01' }, { kind: 'plan_review_due', dueOn: '2026-10-02' })).toBeLessThan(0);
    expect(compareReasons({ kind: 'open_tasks', count: 4 }, { kind: 'open_tasks', count: 2 })).toBeLessThan(0);
  });

  it('says the same thing once, keeping the more pressing version', () => {
    const merged = mergeReasons([
      { kind: 'review_due', dueOn: '2026-11-10' },
      { kind: 'review_due', dueOn: '2026-11-03' },
      { kind: 'plan_review_due', dueOn: '2026-11-05' },
      { kind: 'plan_review_due', dueOn: '2026-11-02' },
      { kind: 'open_tasks', count: 1 },
      { kind: 'open_tasks', count: 2 },
      { kind: 'referral_accepted', referralId: 'f', acceptedAt: '2026-11-01T10:00:00Z' },
      { kind: 'referral_accepted', referralId: 'f', acceptedAt: '2026-11-01T10:00:00Z' },
      { kind: 'hospital_event', event: 'admission', encounterId: 'e', on: '2026-11-01' },
      { kind: 'hospital_event', event: 'discharge', encounterId: 'e', on: '2026-11-04' },
      { kind: 'hospital_event', event: 'admission', encounterId: 'e', on: '2026-11-01' },
    ]);
    expect(merged).toEqual([
      { kind: 'hospital_event', event: 'admission', encounterId: 'e', on: '2026-11-01' },
      { kind: 'hospital_event', event: 'discharge', encounterId: 'e', on: '2026-11-04' },
      { kind: 'referral_accepted', referralId: 'f', acceptedAt: '2026-11-01T10:00:00Z' },
      { kind: 'review_due', dueOn: '2026-11-03' },
      { kind: 'plan_review_due', dueOn: '2026-11-02' },
      { kind: 'open_tasks', count: 2 },
    ]);
  });

  it('keeps two different SBARs from one member, and one of a double-submitted SBAR', () => {
    const first = { kind: 'manual', sbar, addedBy: 's', addedAt: '2026-11-01T10:00:00Z' } as const;
    const again = { ...first, addedAt: '2026-11-01T10:00:02Z' };
    const other = { ...first, sbar: { ...sbar, situation: 'Carer unwell' } };
    expect(mergeReasons([again, first])).toEqual([first]);
    expect(mergeReasons([first, other])).toHaveLength(2);
  });

  it('has a schema for stored reasons that refuses an unknown kind', () => {
    expect(agendaReasonSchema.safeParse({ kind: 'carried_over', meetings: 2 }).success).toBe(true);
    expect(agendaReasonSchema.safeParse({ kind: 'review_due', dueOn: '2026-02-30' }).success).toBe(false);
    expect(agendaReasonSchema.safeParse({ kind: 'gossip' }).success).toBe(false);
  });
});
