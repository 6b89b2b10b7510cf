import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { DEFAULT_SSO_LABEL } from './config.js';

const sso = {
  KITH_OIDC_ISSUER: 'https://login.example.nhs.uk/openam/oauth2/realms/root/realms/oidc',
  KITH_OIDC_CLIENT_ID: 'kith-croydon',
  KITH_OIDC_CLIENT_SECRET: 'a long enough client secret',
  KITH_OIDC_ROLE_MAP: '{"gp@Y90001": {"role": "gp", "ods": "y90001"}, "R8001@Y90002": [{"role": "nurse", "ods": "Y90002"}]}',
};

describe('single sign-on configuration', () => {
  it('is off unless an issuer is set', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it('reads the provider, the mapping and the defaults, with the callback on the public URL', () => {
    expect(loadConfig({ ...sso, KITH_PUBLIC_URL: 'https://kith.example.nhs.uk/' }).oidc).toEqual({
      issuer: sso.KITH_OIDC_ISSUER,
      clientId: 'kith-croydon',
      clientSecret: 'a long enough client secret',
      redirectUrl: 'https://kith.example.nhs.uk/api/v1/auth/oidc/callback',
      scopes: 'openid profile email',
      roleClaim: 'roles',
      roleValue: undefined,
      roleMap: { 'gp@Y90001': [{ role: 'gp', ods: 'Y90001' }], 'R8001@Y90002': [{ role: 'nurse', ods: 'Y90002' }] },
      emailClaim: 'email',
      label: DEFAULT_SSO_LABEL,
    });
    expect(loadConfig({ ...sso, PORT: '8080' }).oidc?.redirectUrl).toBe('http://localhost:8080/api/v1/auth/oidc/callback');
    expect(loadConfig({ ...sso, KITH_OIDC_REDIRECT_URL: 'https://kith.example/cb' }).oidc?.redirectUrl).toBe('https://kith.example/cb');
  });

  it('stops the start with the variable named when a value is bad or missing', () => {
    expect(() => loadConfig({ ...sso, KITH_OIDC_CLIENT_ID: undefined })).toThrow(/KITH_OIDC_CLIENT_ID: is needed when KITH_OIDC_ISSUER is set/);
    expect(() => loadConfig({ ...sso, KITH_OIDC_ROLE_MAP: '{gp: gp}' })).toThrow(/KITH_OIDC_ROLE_MAP: is not JSON/);
    expect(() => loadConfig({ ...sso, KITH_OIDC_ROLE_MAP: '{"x": {"role": "surgeon", "ods": "Y1"}}' })).toThrow(/KITH_OIDC_ROLE_MAP\.x/);
    expect(() => loadConfig({ ...sso, KITH_OIDC_SCOPES: 'profile email' })).toThrow(/KITH_OIDC_SCOPES: must include openid/);
    expect(() => loadConfig({ ...sso, KITH_OIDC_ISSUER: 'http://login.example.nhs.uk' })).toThrow(/KITH_OIDC_ISSUER: must be an https URL/);
    expect(loadConfig({ ...sso, KITH_OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer).toBe('http://127.0.0.1:9000');
  });
});
