import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { normalisePostcode } from '../people/postcode.js';
import { STAFF_ROLES } from '../registry/roles.js';
import { planBorough } from './borough.js';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from './staff.js';

const options = { seed: 2017, size: 40_000, referenceDate: '2025-06-30' };

describe('the plan of a synthetic borough', () => {
  const borough = planBorough(options);

  it('has the alliance partners, each with an ODS code', () => {
    const types = Object.values(borough.partners).map((o) => o.type);
    expect(types.sort()).toEqual(['commissioner', 'council', 'gp_collaborative', 'mental_health_trust', 'nhs_trust', 'voluntary']);
    const codes = borough.organisations.map((o) => o.odsCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has six networks of GP practices, every practice in one, with an address and phone', () => {
    expect(borough.networks.map((n) => n.name)).toHaveLength(6);
    expect(new Set(borough.networks.map((n) => n.name)).size).toBe(6);
    expect(borough.practices).toHaveLength(40);
    const networkIds = new Set(borough.networks.map((n) => n.id));
    for (const practice of borough.practices) {
      expect(networkIds.has(practice.networkId)).toBe(true);
      expect(normalisePostcode(practice.postcode)).toBe(practice.postcode);
      expect(practice.phone).toMatch(/^020 7946 0\d{3}$/);
    }
    const practiceOrganisations = borough.organisations.filter((o) => o.type === 'gp_practice');
    expect(practiceOrganisations.map((o) => o.id).sort()).toEqual(borough.practices.map((p) => p.id).sort());
    for (const o of practiceOrganisations) expect(o.odsCode).toMatch(/^[A-Z]\d{5}$/);
    for (const network of borough.networks) {
      const count = borough.practices.filter((p) => p.networkId === network.id).length;
      expect(count).toBeGreaterThanOrEqual(6);
      expect(count).toBeLessThanOrEqual(7);
    }
  });

  it('gives practices list sizes from small to large', () => {
    const c = borough.sampling.practiceCumulative;
    const weights = c.map((total, i) => total - (c[i - 1] ?? 0));
    expect(Math.max(...weights) / Math.min(...weights)).toBeGreaterThan(3);
  });

  it('has one demo account for every role, with a predictable email, at a fitting organisation', () => {
    expect(borough.demoAccounts.map((a) => a.role).sort()).toEqual([...STAFF_ROLES].sort());
    expect(DEMO_SIGN_INS.map((s) => s.role)).toEqual([...STAFF_ROLES]);
    const byRole = new Map(borough.demoAccounts.map((a) => [a.role, a]));
    expect(byRole.get('gp')!.email).toBe('gp@demo.kith.test');
    expect(byRole.get('mental_health')!.email).toBe('mental-health@demo.kith.test');
    const gpPractice = borough.organisations.find((o) => o.name === byRole.get('gp')!.organisation);
    expect(gpPractice?.type).toBe('gp_practice');
    expect(byRole.get('coordinator')!.organisation).toBe(borough.partners.voluntary.name);
    expect(byRole.get('gp')!.team).toBe(`${borough.networks[0]!.name} ICN team`);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });

  it('has staff for every role, growing with the borough, each with a unique email', () => {
    const roles = new Set(borough.staffRoles.map((r) => r.role));
    expect([...roles].sort()).toEqual([...STAFF_ROLES].sort());
    const emails = borough.staff.map((s) => s.email);
    expect(new Set(emails).size).toBe(emails.length);
    const bigger = planBorough({ ...options, size: 400_000 });
    expect(bigger.staff.length).toBeGreaterThan(borough.staff.length * 2);
    const staffIds = new Set(borough.staff.map((s) => s.id));
    const teamIds = new Set(borough.teams.map((t) => t.id));
    for (const m of borough.teamMembers) expect(staffIds.has(m.staffId) && teamIds.has(m.teamId)).toBe(true);
  });

  it('is the same plan for the same options, and a different one for another seed', () => {
    expect(planBorough(options)).toEqual(borough);
    const other = planBorough({ ...options, seed: 2018 });
    expect(other.practices.map((p) => p.postcode)).not.toEqual(borough.practices.map((p) => p.postcode));
  });

  it('takes other numbers of networks and practices', () => {
    const small = planBorough({ ...options, networks: 3, practices: 12 });
    expect(small.networks).toHaveLength(3);
    expect(small.practices).toHaveLength(12);
    const many = planBorough({ ...options, networks: 12, practices: 120 });
    expect(new Set(many.networks.map((n) => n.name)).size).toBe(12);
  });

  it('refuses sizes and dates it cannot make', () => {
    for (const bad of [{ size: 99 }, { size: 2_000_001 }, { size: 1000.5 }, { referenceDate: '2025-02-30' }, { networks: 0 }, { practices: 5, networks: 6 }]) {
      expect(() => planBorough({ ...options, ...bad })).toThrow(DomainError);
    }
  });
});
