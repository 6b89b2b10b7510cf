import { SOCIAL_PRESCRIPTION_STATES } from '@kith/core';
import { describe, expect, it } from 'vitest';
import {
  consentText,
  eventText,
  foundText,
  homeDistanceText,
  kindText,
  serviceDetails,
  serviceLabel,
  sessionCountText,
  sessionSavedText,
  sessionText,
  stateTagClass,
} from './words';

describe('a prescription in words', () => {
  it('names the kind', () => {
    expect(kindText('referral')).toBe('Referral');
    expect(kindText('signpost')).toBe('Signposted');
  });

  it('gives each state an NHS tag', () => {
    for (const state of SOCIAL_PRESCRIPTION_STATES) expect(stateTagClass(state)).toMatch(/^nhsuk-tag( nhsuk-tag--\w+)?$/);
    expect(stateTagClass('completed')).toBe('nhsuk-tag nhsuk-tag--green');
    expect(stateTagClass('declined')).toBe('nhsuk-tag nhsuk-tag--red');
    expect(stateTagClass('accepted')).toBe('nhsuk-tag');
  });

  it('says whether and how they agreed to share', () => {
    expect(consentText({ given: true, how: 'written' })).toBe('Given: in writing');
    expect(consentText({ given: false, how: null })).toBe('Not given: their details are not shared with the provider');
  });

  it('lists sessions and moves', () => {
    expect(sessionText({ on: '2026-03-05', attended: true })).toBe('5 March 2026: attended');
    expect(sessionText({ on: '2026-03-12', attended: false })).toBe('12 March 2026: did not attend');
    expect(sessionCountText([])).toBe('No sessions recorded yet.');
    expect(sessionCountText([{ attended: true }, { attended: false }])).toBe('Attended 1 of 2 sessions recorded.');
    expect(sessionCountText([{ attended: true }])).toBe('Attended 1 of 1 session recorded.');
    expect(eventText({ from: null, to: 'sent' })).toBe('Sent');
    expect(eventText({ from: 'sent', to: 'not_taken_up' })).toBe('Not taken up (was sent)');
    expect(sessionSavedText({ on: '2026-03-05', attended: true }, { words: 'Signposted to Walking for Health: attending' })).toBe(
      'Session recorded: 5 March 2026: attended. Signposted to Walking for Health: attending.',
    );
  });
});

describe('a service to choose', () => {
  const service = {
    name: 'Thursday Lunch Club',
    organisation: 'Age UK Croydon',
    when: ['Thursdays 12:00 to 14:00'],
    referral: { mode: 'direct_referral' as const, how: null },
    distanceMetres: 800,
  };

  it('is labelled with its name and who runs it, and described by when, referrals and distance', () => {
    expect(serviceLabel(service)).toBe('Thursday Lunch Club, Age UK Croydon');
    expect(serviceLabel({ ...service, organisation: null })).toBe('Thursday Lunch Club');
    expect(serviceDetails(service)).toEqual(['Thursdays 12:00 to 14:00', 'Takes direct referrals', '0.8 km from their home']);
    expect(serviceDetails({ ...service, when: [], referral: { mode: 'signpost_only', how: null }, distanceMetres: null })).toEqual([
      'Times not given',
      'Signpost only',
    ]);
  });

  it('says how far from their home, only when measured from it', () => {
    expect(homeDistanceText(12)).toBe('Less than 0.1 km from their home');
    expect(homeDistanceText(2345)).toBe('2.3 km from their home');
    expect(homeDistanceText(null)).toBeUndefined();
  });

  it('counts what was found', () => {
    expect(foundText(0, 0, false)).toBe('No services found. Try other words.');
    expect(foundText(0, 0, true)).toBe('No services found near their home. Try other words, or a greater distance.');
    expect(foundText(1, 1, false)).toBe('1 service found.');
    expect(foundText(20, 53, true)).toBe('53 services found near their home. Showing the first 20: add words to narrow the search.');
  });
});
