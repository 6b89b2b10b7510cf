import { describe, expect, it } from 'vitest';
import { mappedRoles, personFrom, roleClaimValues } from './claims.js';
import type { MappedRole } from './config.js';

const roleMap: Record<string, MappedRole[]> = {
  'gp@Y90001': [{ role: 'gp', ods: 'Y90001' }],
  'R8000@Y90001': [{ role: 'gp', ods: 'Y90001' }],
  'R8001@Y90002': [
    { role: 'nurse', ods: 'Y90002' },
    { role: 'coordinator', ods: 'Y90002' },
  ],
};

describe('role claim values', () => {
  it('reads a single string, a list of strings, or nothing', () => {
    expect(roleClaimValues({ roles: 'gp@Y90001' }, 'roles')).toEqual(['gp@Y90001']);
    expect(roleClaimValues({ roles: ['a', 'b', 'a'] }, 'roles')).toEqual(['a', 'b']);
    expect(roleClaimValues({}, 'roles')).toEqual([]);
    expect(roleClaimValues({ roles: null }, 'roles')).toEqual([]);
  });

  it('turns objects (as CIS2 sends roles) into keys through the template, skipping incomplete ones', () => {
    const claims = {
      nhsid_nrbac_roles: [
        { role_code: 'S0010:G0020:R8000', org_code: 'Y90001' },
        { role_code: 'S0010:G0020:R8001' },
        { org_code: 'Y90002' },
      ],
    };
    expect(roleClaimValues(claims, 'nhsid_nrbac_roles', '{role_code}@{org_code}')).toEqual(['S0010:G0020:R8000@Y90001']);
    expect(roleClaimValues(claims, 'nhsid_nrbac_roles')).toEqual([]);
  });
});

describe('mapping claim values to Kith roles', () => {
  it('gives every mapped role once and ignores values that are not mapped', () => {
    const claims = { roles: ['gp@Y90001', 'R8000@Y90001', 'R8001@Y90002', 'receptionist@Y90001'] };
    expect(mappedRoles(claims, { roleClaim: 'roles', roleMap })).toEqual([
      { role: 'gp', ods: 'Y90001' },
      { role: 'nurse', ods: 'Y90002' },
      { role: 'coordinator', ods: 'Y90002' },
    ]);
  });

  it('gives nothing when no value is mapped', () => {
    expect(mappedRoles({ roles: ['receptionist@Y90001'] }, { roleClaim: 'roles', roleMap })).toEqual([]);
    expect(mappedRoles({ groups: ['gp@Y90001'] }, { roleClaim: 'roles', roleMap })).toEqual([]);
  });
});

describe('the person in the claims', () => {
  it('takes the configured email claim in lower case and a name from name or its parts', () => {
    expect(personFrom({ email: ' Asha@Example.TEST ', name: 'Asha Patel' }, 'email')).toEqual({
      email: 'asha@example.test',
      emailVerified: true,
      name: 'Asha Patel',
    });
    expect(personFrom({ mail: 'b@example.test', given_name: 'Ben', family_name: 'Okafor' }, 'mail')).toMatchObject({
      email: 'b@example.test',
      name: 'Ben Okafor',
    });
    expect(personFrom({}, 'email')).toEqual({ email: undefined, emailVerified: true, name: undefined });
  });

  it('treats an email the provider says it has not verified as unverified', () => {
    expect(personFrom({ email: 'x@example.test', email_verified: false }, 'email').emailVerified).toBe(false);
  });
});
