import { describe, expect, it } from 'vitest';
import { SMALL_NUMBER_LIMIT } from '../access/aggregates.js';
import {
  ENQUIRY_OUTCOMES,
  ENQUIRY_OUTCOME_LABELS,
  type EnquiryForStats,
  enquiryOutcomes,
  enquiryStats,
  parseEnquiry,
  safeguardingTaskTitle,
  shownEnquiryStats,
} from './index.js';

const serviceId = '00000000-0000-4000-8000-000000000011';
const referredTo = { serviceId, consent: { given: true, how: 'verbal' } as const };
const safeguardingConcern = { concern: 'Says their son takes their pension' };

describe('what came of an enquiry', () => {
  it('is advice only when nothing else came of it', () => {
    expect(enquiryOutcomes({ signpostedTo: [] })).toEqual(['advice_only']);
    expect(enquiryOutcomes({ signpostedTo: [], referredTo: null, safeguardingConcern: null })).toEqual(['advice_only']);
  });

  it('is each of the others alone', () => {
    expect(enquiryOutcomes({ signpostedTo: [serviceId] })).toEqual(['signposted']);
    expect(enquiryOutcomes({ signpostedTo: [], referredTo })).toEqual(['referred']);
    expect(enquiryOutcomes({ signpostedTo: [], safeguardingConcern })).toEqual(['safeguarding']);
  });

  it('is every one that applies, never with advice only', () => {
    expect(enquiryOutcomes({ signpostedTo: [serviceId], referredTo, safeguardingConcern })).toEqual(['signposted', 'referred', 'safeguarding']);
    expect(enquiryOutcomes({ signpostedTo: [serviceId], safeguardingConcern })).toEqual(['signposted', 'safeguarding']);
  });

  it('reads a parsed enquiry', () => {
    const enquiry = parseEnquiry({ pointOfAccessId: serviceId, channel: 'phone', topics: ['health'], referredTo });
    expect(enquiryOutcomes(enquiry)).toEqual(['referred']);
  });

  it('has a label for each', () => {
    for (const outcome of ENQUIRY_OUTCOMES) expect(ENQUIRY_OUTCOME_LABELS[outcome]).toMatch(/^[A-Z]/);
  });
});

describe('the safeguarding task title', () => {
  it('names the point of access and nothing about the person', () => {
    expect(safeguardingTaskTitle('Central Library desk')).toBe('Safeguarding concern raised at Central Library desk');
    expect(safeguardingTaskTitle('  Thornton Heath\n community centre ')).toBe('Safeguarding concern raised at Thornton Heath community centre');
  });

  it('takes nothing but the name, so a person or the concern cannot reach it', () => {
    expect(safeguardingTaskTitle.length).toBe(1);
    const title = safeguardingTaskTitle('Phone line');
    for (const detail of ['Smith', 'pension', '943 476 5919', '1944']) expect(title).not.toContain(detail);
  });

  it('still reads when the name is blank', () => {
    expect(safeguardingTaskTitle('  ')).toBe('Safeguarding concern raised at a point of access');
  });
});

describe('the statistics', () => {
  const enquiry = (over: Partial<EnquiryForStats>): EnquiryForStats => ({ topics: ['housing'], outcomes: ['advice_only'], channel: 'walk_in', ...over });

  it('are all zero, every key present, for no enquiries', () => {
    expect(enquiryStats([])).toEqual({
      total: 0,
      byTopic: { council: 0, housing: 0, benefits_money: 0, health: 0, social_loneliness: 0, carers: 0, other: 0 },
      byOutcome: { advice_only: 0, signposted: 0, referred: 0, safeguarding: 0 },
      byChannel: { walk_in: 0, phone: 0 },
    });
  });

  it('count an enquiry once in the total and once under each of its topics and outcomes', () => {
    const stats = enquiryStats([
      enquiry({}),
      enquiry({ topics: ['housing', 'benefits_money'], outcomes: ['signposted', 'referred'], channel: 'phone' }),
      enquiry({ topics: ['carers'], outcomes: ['safeguarding'] }),
    ]);
    expect(stats.total).toBe(3);
    expect(stats.byTopic).toMatchObject({ housing: 2, benefits_money: 1, carers: 1, council: 0, other: 0 });
    expect(stats.byOutcome).toEqual({ advice_only: 1, signposted: 1, referred: 1, safeguarding: 1 });
    expect(stats.byChannel).toEqual({ walk_in: 2, phone: 1 });
  });

  it('count a topic repeated in a stored enquiry once', () => {
    expect(enquiryStats([enquiry({ topics: ['health', 'health'] })]).byTopic.health).toBe(1);
  });

  it('are shown to a reader of aggregates with 1 to 7 suppressed by the shared rule, 0 and 8 or more as they are', () => {
    const enquiries = [...Array.from({ length: 8 }, () => enquiry({ channel: 'phone' })), enquiry({ topics: ['council'] })];
    expect(SMALL_NUMBER_LIMIT).toBe(7);
    expect(shownEnquiryStats(enquiryStats(enquiries))).toEqual({
      total: 9,
      byTopic: { council: 'suppressed', housing: 8, benefits_money: 0, health: 0, social_loneliness: 0, carers: 0, other: 0 },
      byOutcome: { advice_only: 9, signposted: 0, referred: 0, safeguarding: 0 },
      byChannel: { walk_in: 'suppressed', phone: 8 },
    });
    expect(shownEnquiryStats(enquiryStats([enquiry({})])).total).toBe('suppressed');
  });
});
