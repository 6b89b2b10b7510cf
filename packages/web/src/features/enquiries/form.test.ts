import { parseEnquiry } from '@kith/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import {
  FIND_FIELD_IDS,
  IDS,
  NO_REFERRAL,
  REFERRAL_NEEDS_CONSENT,
  SAY_HOW_CONSENT_GIVEN,
  emptyEnquiry,
  enquiryFieldIds,
  problemsOf,
  readEnquiry,
  readFind,
  withReferable,
  withReferral,
  withService,
  withTopic,
  type EnquiryFormState,
  LINK_NEEDS_CONSENT,
} from './form';

const DESK = '00000000-0000-4000-8000-000000000001';
const lunchClub = { id: '00000000-0000-4000-8000-000000000011', name: 'Thursday Lunch Club' };
const foodBank = { id: '00000000-0000-4000-8000-000000000012', name: 'Food bank' };
const ageUk = { id: '00000000-0000-4000-8000-000000000013', name: 'Age UK Croydon' };
const options = { linkPoint: true, servicesFieldId: IDS.services, personFieldId: IDS.personChosen };
const ada = { id: '00000000-0000-4000-8000-000000000021', name: 'Ada Lovelace' };
const quick: EnquiryFormState = { ...emptyEnquiry(DESK), channel: 'walk_in', topics: ['housing'] };

describe('keeping the enquiry with a person’s record', () => {
  const linked: EnquiryFormState = { ...quick, personKind: 'linked' };

  it('needs the person, their consent and how they gave it', () => {
    expect(readEnquiry(linked, options).problems).toEqual([
      { fieldId: IDS.personChosen, message: 'Choose the person' },
      { fieldId: IDS.personConsent, message: LINK_NEEDS_CONSENT },
      { fieldId: IDS.personHow, message: 'Choose how it was given: verbal, written or portal' },
    ]);
    // Before anyone is found, the problem is the search's.
    expect(readEnquiry(linked, { ...options, personFieldId: IDS.personFind }).problems?.[0]).toEqual({
      fieldId: IDS.personFind,
      message: 'Find the person, by NHS number or name',
    });
  });

  it('sends the person with their consent', () => {
    const body = readEnquiry({ ...linked, person: ada, personConsent: true, personConsentHow: 'verbal' }, options).value;
    expect(parseEnquiry(body)).toEqual(body);
    expect(body?.person).toEqual({ kind: 'linked', personId: ada.id, consent: { given: true, how: 'verbal' } });
  });

  it('stays anonymous when the choice goes back, whatever was chosen before', () => {
    const back = { ...linked, personKind: 'anonymous' as const, person: ada, personConsent: true, personConsentHow: 'verbal' };
    expect(readEnquiry(back, options).value?.person).toEqual({ kind: 'anonymous' });
  });

  it('links the API’s problems with the person to the questions', () => {
    const fieldIds = enquiryFieldIds(options);
    expect([fieldIds['person.personId'], fieldIds['person.consent.how']]).toEqual([IDS.personChosen, IDS.personHow]);
  });
});

describe('the enquiry sent', () => {
  it('needs only where, how and what about; anonymous and signposting nowhere', () => {
    expect(readEnquiry(quick, options).value).toEqual({
      pointOfAccessId: DESK,
      channel: 'walk_in',
      topics: ['housing'],
      signpostedTo: [],
      person: { kind: 'anonymous' },
    });
  });

  it('takes everything at once, trimmed', () => {
    const full: EnquiryFormState = {
      pointOfAccessId: DESK,
      channel: 'phone',
      topics: ['other', 'benefits_money'],
      otherTopic: '  Lost bus pass ',
      adviceGiven: ' Explained Pension Credit ',
      signposted: [lunchClub, foodBank],
      referredTo: ageUk,
      referralConsent: true,
      referralConsentHow: 'verbal',
      personKind: 'linked',
      person: ada,
      personConsent: true,
      personConsentHow: 'written',
      raiseConcern: true,
      concern: ' Says their son takes their pension ',
    };
    const body = readEnquiry(full, options).value;
    // What the browser sends is what the API's own parser takes, unchanged.
    expect(parseEnquiry(body)).toEqual(body);
    expect(body).toEqual({
      pointOfAccessId: DESK,
      channel: 'phone',
      topics: ['benefits_money', 'other'],
      otherTopic: 'Lost bus pass',
      adviceGiven: 'Explained Pension Credit',
      signpostedTo: [lunchClub.id, foodBank.id],
      referredTo: { serviceId: ageUk.id, consent: { given: true, how: 'verbal' } },
      safeguardingConcern: { concern: 'Says their son takes their pension' },
      person: { kind: 'linked', personId: ada.id, consent: { given: true, how: 'written' } },
    });
  });

  it('leaves out blank advice, and words about something else once it is unticked', () => {
    const body = readEnquiry({ ...quick, adviceGiven: '   ', otherTopic: 'Parking permit' }, options).value;
    expect(body).not.toHaveProperty('adviceGiven');
    expect(body).not.toHaveProperty('otherTopic');
  });

  it('sends no concern unless the box is ticked, whatever was typed before', () => {
    expect(readEnquiry({ ...quick, concern: 'Typed, then unticked' }, options).value).not.toHaveProperty('safeguardingConcern');
  });

  it('refers on only when a service is chosen, with the consent recorded for it', () => {
    const referred = readEnquiry({ ...quick, referredTo: ageUk, referralConsent: true, referralConsentHow: 'written' }, options).value;
    expect(parseEnquiry(referred)).toEqual(referred);
    expect(referred?.referredTo).toEqual({ serviceId: ageUk.id, consent: { given: true, how: 'written' } });

    // Consent ticked, then "Do not refer": nothing is referred, whatever was left ticked.
    const notReferred = readEnquiry({ ...quick, referredTo: null, referralConsent: true, referralConsentHow: 'written' }, options).value;
    expect(notReferred).not.toHaveProperty('referredTo');
    expect(parseEnquiry(notReferred)).toEqual(notReferred);
  });

  it('needs their consent, and how they gave it, before referring on, as the API does', () => {
    const read = readEnquiry({ ...quick, referredTo: ageUk }, options);
    expect(read.problems).toEqual([
      { fieldId: IDS.referConsent, message: REFERRAL_NEEDS_CONSENT },
      { fieldId: IDS.referHow, message: SAY_HOW_CONSENT_GIVEN },
    ]);
    expect(readEnquiry({ ...quick, referredTo: ageUk, referralConsentHow: 'verbal' }, options).problems).toEqual([
      { fieldId: IDS.referConsent, message: 'A referral shares the person’s details: record their consent first' },
    ]);
    expect(readEnquiry({ ...quick, referredTo: ageUk, referralConsent: true, referralConsentHow: 'telepathy' }, options).problems).toEqual([
      { fieldId: IDS.referHow, message: 'Choose how it was given: verbal, written or portal' },
    ]);

    // The API's own parser says the same, under the field names the form links to the same inputs.
    const fieldIds = enquiryFieldIds(options);
    const refusal = (body: unknown) => {
      try {
        parseEnquiry(body);
      } catch (error) {
        const { problems } = error as { problems: Array<{ field: string; reason: string }> };
        return problems.map(({ field, reason }) => ({ fieldId: fieldIds[field], message: reason }));
      }
      throw new Error('Expected the API to refuse the enquiry');
    };
    const body = readEnquiry({ ...quick, referredTo: ageUk, referralConsent: true, referralConsentHow: 'verbal' }, options).value;
    expect(refusal({ ...body, referredTo: { serviceId: ageUk.id, consent: { given: false, how: 'verbal' } } })).toEqual([
      { fieldId: IDS.referConsent, message: REFERRAL_NEEDS_CONSENT },
    ]);
    expect(refusal({ ...body, referredTo: { serviceId: ageUk.id, consent: { given: true, how: 'telepathy' } } })).toEqual([
      { fieldId: IDS.referHow, message: SAY_HOW_CONSENT_GIVEN },
    ]);
  });

  it('names every problem, in the order the questions are asked, linked to each', () => {
    const read = readEnquiry({ ...emptyEnquiry(), raiseConcern: true }, options);
    expect(read.problems).toEqual([
      { fieldId: IDS.point, message: 'Choose the point of access' },
      { fieldId: IDS.channel, message: 'Choose walk-in or phone' },
      { fieldId: IDS.topics, message: 'Choose at least one topic' },
      { fieldId: IDS.concern, message: 'Describe the concern' },
    ]);
  });

  it('does not link the point of access when it is not asked', () => {
    expect(readEnquiry({ ...quick, pointOfAccessId: '' }, { ...options, linkPoint: false }).problems).toEqual([{ message: 'Choose the point of access' }]);
  });

  it('asks what else it was about when it was something else', () => {
    expect(readEnquiry({ ...quick, topics: ['other'], otherTopic: '  ' }, options).problems).toEqual([
      { fieldId: IDS.otherTopic, message: 'Say what the enquiry was about' },
    ]);
  });

  it('refuses a channel or topics it does not know', () => {
    expect(readEnquiry({ ...quick, channel: 'email', topics: ['parking'] }, options).problems?.map((p) => p.fieldId)).toEqual([IDS.channel, IDS.topics]);
  });

  it('keeps to the lengths and the number of services the API allows', () => {
    const services = Array.from({ length: 11 }, (_, i) => ({ id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`, name: `Service ${i}` }));
    const read = readEnquiry(
      {
        ...quick,
        topics: ['other'],
        otherTopic: 'o'.repeat(201),
        adviceGiven: 'a'.repeat(2001),
        signposted: services,
        raiseConcern: true,
        concern: 'c'.repeat(2001),
      },
      { ...options, linkPoint: false, servicesFieldId: IDS.findText },
    );
    expect(read.problems).toEqual([
      { fieldId: IDS.otherTopic, message: 'Keep what it was about to 200 characters or fewer' },
      { fieldId: IDS.advice, message: 'Keep the advice to 2,000 characters or fewer' },
      { fieldId: IDS.findText, message: 'Signpost to at most 10 services' },
      { fieldId: IDS.concern, message: 'Keep the concern to 2,000 characters or fewer' },
    ]);
    expect(readEnquiry({ ...quick, signposted: services.slice(0, 10) }, options).value?.signpostedTo).toHaveLength(10);
  });
});

describe('ticking', () => {
  it('keeps topics in the order they are asked, each once', () => {
    let topics = withTopic([], 'other', true);
    topics = withTopic(topics, 'council', true);
    topics = withTopic(topics, 'council', true);
    expect(topics).toEqual(['council', 'other']);
    expect(withTopic(topics, 'other', false)).toEqual(['council']);
  });

  it('keeps services in the order ticked, each once and only their id and name, through later searches', () => {
    let chosen = withService([], foodBank, true);
    chosen = withService(chosen, { ...lunchClub, when: ['Thursdays'] } as typeof lunchClub, true);
    chosen = withService(chosen, foodBank, true);
    expect(chosen).toEqual([foodBank, lunchClub]);
    expect(withService(chosen, foodBank, false)).toEqual([lunchClub]);
  });
});

describe('choosing a service to refer to', () => {
  const found = (service: { id: string; name: string }, mode: 'signpost_only' | 'direct_referral', how: string | null = null) => ({
    ...service,
    referral: { mode, how },
  });

  it('lists only services that take referrals directly, from every search so far, each once', () => {
    let referable = withReferable([], [found(lunchClub, 'signpost_only'), found(ageUk, 'direct_referral', 'Phone 020 8683 4255')]);
    expect(referable).toEqual([{ ...ageUk, how: 'Phone 020 8683 4255' }]);
    referable = withReferable(referable, [found(foodBank, 'direct_referral'), found(ageUk, 'direct_referral', 'Email referrals@example.org')]);
    expect(referable).toEqual([
      { ...ageUk, how: 'Email referrals@example.org' },
      { ...foodBank, how: null },
    ]);
    expect(withReferable(referable, [])).toEqual(referable);
  });

  it('asks for consent again when another service, or none, is chosen', () => {
    const agreed = { referredTo: ageUk, referralConsent: true, referralConsentHow: 'verbal' };
    expect(withReferral(agreed, { ...ageUk, how: 'Phone' } as typeof ageUk)).toEqual(agreed);
    expect(withReferral(agreed, foodBank)).toEqual({ referredTo: foodBank, referralConsent: false, referralConsentHow: '' });
    expect(withReferral(agreed, null)).toEqual({ referredTo: null, referralConsent: false, referralConsentHow: '' });
    expect(NO_REFERRAL).not.toBe(ageUk.id);
  });
});

describe('what the API refused', () => {
  const refused = (status: number, errors?: Array<{ field: string; reason: string }>, detail?: string) =>
    new ApiError({ title: 'Refused', status, errors, detail });

  it('links each field, and a field within a list to the list', () => {
    const error = refused(400, [
      { field: 'topics.1', reason: 'Choose a topic from the list' },
      { field: 'signpostedTo.0', reason: 'No service in the directory has this id' },
      { field: 'referredTo.serviceId', reason: 'Choose a service from the directory' },
      { field: 'referredTo.consent.given', reason: 'A referral shares the person’s details: record their consent first' },
      { field: 'referredTo.consent.how', reason: 'Choose how it was given: verbal, written or portal' },
      { field: 'safeguardingConcern.concern', reason: 'Describe the concern' },
      { field: 'person.consent.given', reason: 'Record their consent first' },
      { field: 'origin', reason: 'Unknown field' },
    ]);
    expect(problemsOf(error, enquiryFieldIds(options))).toEqual([
      { fieldId: IDS.topics, message: 'Choose a topic from the list' },
      { fieldId: IDS.services, message: 'No service in the directory has this id' },
      { fieldId: IDS.referTo, message: 'Choose a service from the directory' },
      { fieldId: IDS.referConsent, message: 'A referral shares the person’s details: record their consent first' },
      { fieldId: IDS.referHow, message: 'Choose how it was given: verbal, written or portal' },
      { fieldId: IDS.concern, message: 'Describe the concern' },
      { fieldId: IDS.personConsent, message: 'Record their consent first' },
      { message: 'Unknown field' },
    ]);
  });

  it('links the point of access only when it is asked', () => {
    const error = refused(400, [{ field: 'pointOfAccessId', reason: 'No point of access has this id' }]);
    expect(problemsOf(error, enquiryFieldIds(options))).toEqual([{ fieldId: IDS.point, message: 'No point of access has this id' }]);
    expect(problemsOf(error, enquiryFieldIds({ ...options, linkPoint: false }))).toEqual([{ message: 'No point of access has this id' }]);
  });

  it('says a refusal in its own words, and a failure as a problem with the service', () => {
    const forbidden = refused(403, undefined, 'Only staff of the organisation that runs Central Library desk log its enquiries');
    expect(problemsOf(forbidden, enquiryFieldIds(options))).toEqual([
      { message: 'Only staff of the organisation that runs Central Library desk log its enquiries' },
    ]);
    expect(problemsOf(refused(500), {})).toEqual([{ message: SERVICE_PROBLEM }]);
    expect(problemsOf(new Error('offline'), {})).toEqual([{ message: SERVICE_PROBLEM }]);
  });

  it('links a directory search problem to the input that set it', () => {
    expect(problemsOf(refused(400, [{ field: 'postcode', reason: 'Enter a real postcode' }]), FIND_FIELD_IDS)).toEqual([
      { fieldId: IDS.findPostcode, message: 'Enter a real postcode' },
    ]);
  });
});

describe('finding a service to signpost to', () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.append(key, value);
    return data;
  };

  it('searches by words, day and postcode, each optional', () => {
    expect(readFind(form({ [IDS.findText]: '  lunch ', [IDS.findDay]: 'thursday', [IDS.findPostcode]: ' cr0 1nx ' }))).toEqual({
      text: 'lunch',
      day: 'thursday',
      postcode: 'CR0 1NX',
      taxonomy: [],
      freeOnly: false,
      page: 1,
    });
    expect(readFind(form({ [IDS.findText]: '', [IDS.findDay]: '', [IDS.findPostcode]: '' }))).toEqual({ taxonomy: [], freeOnly: false, page: 1 });
  });

  it('drops a day that is not one', () => {
    expect(readFind(form({ [IDS.findDay]: 'someday' })).day).toBeUndefined();
  });
});
