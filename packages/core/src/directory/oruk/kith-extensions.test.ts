import { describe, expect, it } from 'vitest';
import { orukFixtureJson } from '../../../test/fixtures/oruk/load.js';
import { importOrukJson } from './import-json.js';
import { directoryExtensionsSchema, feedFreshness, referralModeSchema, serviceCapacitySchema, serviceCost } from './kith-extensions.js';
import type { DirectoryService } from './model.js';

const official = (): DirectoryService => importOrukJson(orukFixtureJson('examples-v3-uk/service_full.json'), { feedId: 'f' }).services[0]!.service;

describe("Kith's additions to a directory service", () => {
  it('records capacity with the day it was confirmed, and how a referral is made', () => {
    expect(serviceCapacitySchema.safeParse({ state: 'waiting_list', confirmedOn: '2026-03-02' }).success).toBe(true);
    expect(serviceCapacitySchema.safeParse({ state: 'closed', confirmedOn: '2026-03-02' }).success).toBe(false);
    expect(serviceCapacitySchema.safeParse({ state: 'full', confirmedOn: '2026-02-30' }).success).toBe(false);
    expect(referralModeSchema.safeParse({ mode: 'direct_referral', how: 'Email referrals@lunchclub.example.org.uk' }).success).toBe(true);
    expect(referralModeSchema.safeParse({ mode: 'direct_referral', how: '  ' }).success).toBe(false);
    expect(referralModeSchema.safeParse({ mode: 'signpost_only' }).success).toBe(true);
    expect(directoryExtensionsSchema.safeParse({ freshness: { lastVerifiedOn: '2026-01-10', verifiedBy: 'staff-12' } }).success).toBe(true);
  });

  it("starts freshness from the feed's own assurance", () => {
    expect(feedFreshness(official(), 'council')).toEqual({ lastVerifiedOn: '2005-01-01', verifiedBy: 'email@example.com' });
    const { assured_date: _date, ...unassured } = official();
    expect(feedFreshness(unassured, 'council')).toBeUndefined();
  });

  it('says a service is free only when its costs say so', () => {
    const service = official();
    expect(serviceCost(service)).toBe('charged');
    expect(serviceCost({ ...service, cost_options: [{ id: 'c', amount: 0, option: 'Everyone' }] })).toBe('free');
    expect(serviceCost({ ...service, cost_options: [], fees: 'Free.' })).toBe('free');
    expect(serviceCost({ ...service, cost_options: [], fees: 'Free for carers, £5 for others' })).toBe('not stated');
  });
});
