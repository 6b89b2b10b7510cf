import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../errors.js';
import { CONSENT_METHODS } from '../record/consent.js';
import { ENQUIRY_CHANNELS, ENQUIRY_CHANNEL_LABELS, ENQUIRY_TOPICS, ENQUIRY_TOPIC_LABELS, enquirySchema, parseEnquiry } from './index.js';
import { caught } from '../../test/domain-problems.js';

const problems = (fn: () => unknown): FieldProblem[] => {
  const error = caught(fn);
  expect(error.code).toBe('invalid');
  return error.problems;
};
const fields = (fn: () => unknown) => problems(fn).map((p) => p.field);

const pointOfAccessId = '00000000-0000-4000-8000-000000000001';
const lunchClub = '00000000-0000-4000-8000-000000000011';
const foodBank = '00000000-0000-4000-8000-000000000012';
const personId = '00000000-0000-4000-8000-000000000021';
const quick = { pointOfAccessId, channel: 'walk_in', topics: ['housing'] };

describe('the words', () => {
  it('label every channel and topic', () => {
    expect(ENQUIRY_CHANNELS.map((c) => ENQUIRY_CHANNEL_LABELS[c])).toEqual(['Walk-in', 'Phone']);
    expect(ENQUIRY_TOPICS.map((t) => ENQUIRY_TOPIC_LABELS[t])).toEqual([
      'Council services',
      'Housing',
      'Benefits and money',
      'Health',
      'Social contact and loneliness',
      'Carers',
      'Something else',
    ]);
  });
});

describe('a new enquiry', () => {
  it('needs only the point of access, the channel and a topic; anonymous and no signposts by default', () => {
    expect(parseEnquiry(quick)).toEqual({ ...quick, signpostedTo: [], person: { kind: 'anonymous' } });
    expect(parseEnquiry({ ...quick, channel: 'phone' }).channel).toBe('phone');
  });

  it('takes everything at once', () => {
    const full = {
      ...quick,
      topics: ['benefits_money', 'social_loneliness', 'other'],
      otherTopic: ' A neighbour dispute ',
      adviceGiven: ' Explained Pension Credit ',
      signpostedTo: [lunchClub],
      referredTo: { serviceId: foodBank, consent: { given: true, how: 'verbal' } },
      safeguardingConcern: { concern: ' Bruising on both arms, says they fell ' },
      person: { kind: 'linked', personId, consent: { given: true, how: 'written' } },
    };
    expect(parseEnquiry(full)).toEqual({
      ...full,
      otherTopic: 'A neighbour dispute',
      adviceGiven: 'Explained Pension Credit',
      safeguardingConcern: { concern: 'Bruising on both arms, says they fell' },
    });
  });

  it.each([
    [{ pointOfAccessId: undefined }, 'pointOfAccessId', 'Choose the point of access'],
    [{ pointOfAccessId: 'library' }, 'pointOfAccessId', 'Choose the point of access'],
    [{ channel: undefined }, 'channel', 'Choose walk-in or phone'],
    [{ channel: 'email' }, 'channel', 'Choose walk-in or phone'],
    [{ topics: undefined }, 'topics', 'Choose at least one topic'],
    [{ topics: [] }, 'topics', 'Choose at least one topic'],
    [{ topics: 'housing' }, 'topics', 'Choose at least one topic'],
    [{ topics: '' }, 'topics', 'Choose at least one topic'],
    [{ topics: ['housing', 'parking'] }, 'topics.1', 'Choose a topic from the list'],
    [{ topics: ['housing', 'health', 'housing'] }, 'topics.2', 'Each topic once'],
    [{ adviceGiven: 'x'.repeat(2001) }, 'adviceGiven', 'Keep the advice to 2,000 characters or fewer'],
    [{ adviceGiven: 42 }, 'adviceGiven', 'Must be text'],
    [{ signpostedTo: [lunchClub, 'food-bank'] }, 'signpostedTo.1', 'Choose a service from the directory'],
    [{ signpostedTo: lunchClub }, 'signpostedTo', 'Choose services from the directory'],
    [{ signpostedTo: [lunchClub, foodBank, lunchClub] }, 'signpostedTo.2', 'Each service once'],
    [{ referredTo: 'food bank' }, 'referredTo', 'Say which service the person is referred to'],
    [{ referredTo: { serviceId: 'food-bank', consent: { given: true, how: 'verbal' } } }, 'referredTo.serviceId', 'Choose a service from the directory'],
    [{ referredTo: { serviceId: foodBank } }, 'referredTo.consent', 'Say whether the person gave consent'],
    [{ referredTo: { serviceId: foodBank, consent: { given: 'yes', how: 'verbal' } } }, 'referredTo.consent.given', 'Say whether the person gave consent'],
    [{ referredTo: { serviceId: foodBank, consent: { given: true } } }, 'referredTo.consent.how', 'Choose how it was given: verbal, written or portal'],
    [{ referredTo: { serviceId: foodBank, consent: { given: true, how: 'email' } } }, 'referredTo.consent.how', 'Choose how it was given: verbal, written or portal'],
    [{ referredTo: { serviceId: foodBank, consent: { given: true, how: 'verbal' }, urgent: true } }, 'referredTo.urgent', 'Unknown field'],
    [{ safeguardingConcern: {} }, 'safeguardingConcern.concern', 'Describe the concern'],
    [{ safeguardingConcern: { concern: '   ' } }, 'safeguardingConcern.concern', 'Describe the concern'],
    [{ safeguardingConcern: { concern: 'x'.repeat(2001) } }, 'safeguardingConcern.concern', 'Keep the concern to 2,000 characters or fewer'],
    [{ safeguardingConcern: true }, 'safeguardingConcern', 'Describe the concern'],
    [{ person: 'anonymous' }, 'person', 'Say whether the enquiry is anonymous or linked to a person'],
    [{ person: { kind: 'named' } }, 'person.kind', 'Say whether the enquiry is anonymous or linked to a person'],
    [{ person: { kind: 'anonymous', personId } }, 'person.personId', 'Unknown field'],
    [{ person: { kind: 'linked', personId: 'Mrs Smith', consent: { given: true, how: 'verbal' } } }, 'person.personId', 'Choose the person'],
    [{ person: { kind: 'linked', personId, consent: { given: true, how: 'text' } } }, 'person.consent.how', 'Choose how it was given: verbal, written or portal'],
    [{ otherTopic: 'x' }, 'otherTopic', 'Only say what it was about when the topic is something else'],
    [{ topics: ['other'] }, 'otherTopic', 'Say what the enquiry was about'],
    [{ topics: ['other'], otherTopic: '   ' }, 'otherTopic', 'Say what the enquiry was about'],
    [{ topics: ['other'], otherTopic: 'x'.repeat(201) }, 'otherTopic', 'Keep what it was about to 200 characters or fewer'],
    [{ name: 'Mrs Smith' }, 'name', 'Unknown field'],
  ])('refuses %o, naming %s', (change, field, reason) => {
    expect(problems(() => parseEnquiry({ ...quick, ...change }))).toEqual([{ field, reason }]);
  });

  it('takes the limits: 2,000 characters of advice and of concern, 200 of other topic, 10 signposts, every topic', () => {
    const services = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`);
    const parsed = parseEnquiry({
      ...quick,
      topics: [...ENQUIRY_TOPICS],
      otherTopic: 'o'.repeat(200),
      adviceGiven: 'a'.repeat(2000),
      signpostedTo: services,
      safeguardingConcern: { concern: 'c'.repeat(2000) },
    });
    expect(parsed.topics).toEqual([...ENQUIRY_TOPICS]);
    expect(parsed.signpostedTo).toHaveLength(10);
    expect(problems(() => parseEnquiry({ ...quick, signpostedTo: [...services, lunchClub] }))).toEqual([
      { field: 'signpostedTo', reason: 'Signpost to at most 10 services' },
    ]);
  });

  it('names each repeat once it is repeated', () => {
    expect(problems(() => parseEnquiry({ ...quick, topics: ['health', 'health', 'carers', 'health'] }))).toEqual([
      { field: 'topics.1', reason: 'Each topic once' },
      { field: 'topics.3', reason: 'Each topic once' },
    ]);
  });

  it('leaves out blank words, so an untouched box sends nothing', () => {
    const parsed = parseEnquiry({ ...quick, adviceGiven: '   ', otherTopic: '' });
    expect(parsed).not.toHaveProperty('adviceGiven', expect.anything());
    expect(parsed.adviceGiven).toBeUndefined();
    expect(parsed.otherTopic).toBeUndefined();
  });

  describe('what the enquiry was about, when something else', () => {
    it('is required with the topic and taken alongside others', () => {
      expect(parseEnquiry({ ...quick, topics: ['other'], otherTopic: ' Lost bus pass ' }).otherTopic).toBe('Lost bus pass');
      expect(parseEnquiry({ ...quick, topics: ['council', 'other'], otherTopic: 'Parking permit' }).topics).toEqual(['council', 'other']);
    });

    it('is not judged when the topics themselves are unreadable', () => {
      expect(fields(() => parseEnquiry({ ...quick, topics: ['other', 'other'] }))).toEqual(['topics.1']);
      expect(fields(() => parseEnquiry({ ...quick, topics: [], otherTopic: 'x' }))).toEqual(['topics']);
    });
  });

  describe('a referral on', () => {
    it('is taken with consent, however it was given', () => {
      for (const how of CONSENT_METHODS) {
        expect(parseEnquiry({ ...quick, referredTo: { serviceId: foodBank, consent: { given: true, how } } }).referredTo).toEqual({
          serviceId: foodBank,
          consent: { given: true, how },
        });
      }
    });

    it('is refused without consent', () => {
      expect(problems(() => parseEnquiry({ ...quick, referredTo: { serviceId: foodBank, consent: { given: false, how: 'verbal' } } }))).toEqual([
        { field: 'referredTo.consent.given', reason: 'A referral shares the person’s details: record their consent first' },
      ]);
    });

    it('may be anonymous: the service gets the details the person gave, not their record', () => {
      const parsed = parseEnquiry({ ...quick, referredTo: { serviceId: foodBank, consent: { given: true, how: 'verbal' } } });
      expect(parsed.person).toEqual({ kind: 'anonymous' });
    });
  });

  describe('the person', () => {
    it('is anonymous when not said, or when said', () => {
      expect(parseEnquiry(quick).person).toEqual({ kind: 'anonymous' });
      expect(parseEnquiry({ ...quick, person: { kind: 'anonymous' } }).person).toEqual({ kind: 'anonymous' });
    });

    it('is linked only with their consent', () => {
      for (const how of CONSENT_METHODS) {
        const person = { kind: 'linked', personId, consent: { given: true, how } };
        expect(parseEnquiry({ ...quick, person }).person).toEqual(person);
      }
      const refused = { field: 'person.consent.given', reason: 'An enquiry is linked to a person only with their consent' };
      for (const given of [false, 'true', 1, undefined]) {
        expect(problems(() => parseEnquiry({ ...quick, person: { kind: 'linked', personId, consent: { given, how: 'verbal' } } })), String(given)).toEqual([
          refused,
        ]);
      }
      expect(problems(() => parseEnquiry({ ...quick, person: { kind: 'linked', personId } }))).toEqual([
        { field: 'person.consent', reason: 'An enquiry is linked to a person only with their consent' },
      ]);
    });
  });

  it('names every field at fault in one 400, cross-field rules included', () => {
    const error = caught(() =>
      parseEnquiry({
        channel: 'fax',
        topics: ['housing', 'housing', 'other'],
        referredTo: { serviceId: foodBank, consent: { given: false, how: 'verbal' } },
        person: { kind: 'linked', personId, consent: { given: false, how: 'verbal' } },
        safeguardingConcern: { concern: '' },
        extra: 1,
      }),
    );
    expect(error.code).toBe('invalid');
    expect(error.problems.map((p) => p.field).sort()).toEqual([
      'channel',
      'extra',
      'person.consent.given',
      'pointOfAccessId',
      'referredTo.consent.given',
      'safeguardingConcern.concern',
      'topics.1',
    ]);
    expect(error.message).toContain('channel: Choose walk-in or phone');
  });

  it('names the body when it is not an object', () => {
    expect(fields(() => parseEnquiry(null))).toEqual(['body']);
    expect(fields(() => parseEnquiry('housing'))).toEqual(['body']);
  });

  it('exposes the schema for the server', () => {
    expect(enquirySchema.safeParse(quick).success).toBe(true);
  });
});
