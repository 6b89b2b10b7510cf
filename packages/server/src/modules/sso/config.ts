/**
 * Single sign-on settings, read from KITH_OIDC_* variables by the server's config.ts. Setting
 * KITH_OIDC_ISSUER turns single sign-on on; the provider's own settings (CIS2 or any other
 * OpenID provider) and how its role claims become Kith roles are configuration, not code.
 */
import { STAFF_ROLES, type StaffRole } from '@kith/core';
import { z } from 'zod';

export const DEFAULT_SSO_LABEL = 'Sign in with your organisation account';

/** One Kith role at the organisation with this ODS code. */
export interface MappedRole {
  role: StaffRole;
  ods: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back to: Kith's /api/v1/auth/oidc/callback. */
  redirectUrl: string;
  scopes: string;
  /** The claim (in the ID token or from UserInfo) that holds the user's role values. */
  roleClaim: string;
  /**
   * For a role claim whose values are objects (CIS2's nhsid_nrbac_roles), how one becomes a
   * key of roleMap: `{role_code}@{org_code}` names the object's fields.
   */
  roleValue?: string;
  /** A role claim value to the Kith roles it gives. */
  roleMap: Record<string, MappedRole[]>;
  emailClaim: string;
  /** The words on the sign-in page's button. */
  label: string;
}

const mappedRole = z.strictObject({ role: z.enum(STAFF_ROLES), ods: z.string().trim().min(1).toUpperCase() });

const roleMap = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON: expected {"claim value": {"role": "gp", "ods": "Y90001"}}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), z.union([mappedRole, z.array(mappedRole).min(1)]).transform((m) => (Array.isArray(m) ? m : [m]))));

/** The variables; merged into the server's environment schema. */
export const OIDC_ENV = {
  KITH_OIDC_ISSUER: z.url().optional(),
  KITH_OIDC_CLIENT_ID: z.string().min(1).optional(),
  KITH_OIDC_CLIENT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  KITH_OIDC_REDIRECT_URL: z.url().optional(),
  KITH_OIDC_SCOPES: z
    .string()
    .default('openid profile email')
    .refine((s) => s.split(/\s+/).includes('openid'), 'must include openid'),
  KITH_OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
  KITH_OIDC_ROLE_VALUE: z.string().includes('{').optional(),
  KITH_OIDC_ROLE_MAP: roleMap.optional(),
  KITH_OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  KITH_OIDC_LABEL: z.string().trim().min(1).max(80).default(DEFAULT_SSO_LABEL),
};

type OidcEnv = z.output<z.ZodObject<typeof OIDC_ENV>>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks across variables: an issuer needs a client and a role map, and TLS unless on this machine. */
export function checkOidcEnv(env: OidcEnv, ctx: z.RefinementCtx): void {
  if (!env.KITH_OIDC_ISSUER) return;
  const missing = (['KITH_OIDC_CLIENT_ID', 'KITH_OIDC_CLIENT_SECRET', 'KITH_OIDC_ROLE_MAP'] as const).filter((k) => !env[k]);
  for (const name of missing) ctx.addIssue({ code: 'custom', path: [name], message: 'is needed when KITH_OIDC_ISSUER is set' });
  const issuer = new URL(env.KITH_OIDC_ISSUER);
  if (issuer.protocol !== 'https:' && !LOOPBACK.has(issuer.hostname)) {
    ctx.addIssue({ code: 'custom', path: ['KITH_OIDC_ISSUER'], message: 'must be an https URL (plain http only on this machine)' });
  }
}

/** The settings, or undefined when single sign-on is off; publicUrl is where browsers reach Kith. */
export function oidcConfigFrom(env: OidcEnv, publicUrl: string): OidcConfig | undefined {
  if (!env.KITH_OIDC_ISSUER || !env.KITH_OIDC_CLIENT_ID || !env.KITH_OIDC_CLIENT_SECRET || !env.KITH_OIDC_ROLE_MAP) return undefined;
  return {
    issuer: env.KITH_OIDC_ISSUER,
    clientId: env.KITH_OIDC_CLIENT_ID,
    clientSecret: env.KITH_OIDC_CLIENT_SECRET,
    redirectUrl: env.KITH_OIDC_REDIRECT_URL ?? `${publicUrl.replace(/\/+$/, '')}/api/v1/auth/oidc/callback`,
    scopes: env.KITH_OIDC_SCOPES.split(/\s+/).filter(Boolean).join(' '),
    roleClaim: env.KITH_OIDC_ROLE_CLAIM,
    roleValue: env.KITH_OIDC_ROLE_VALUE,
    roleMap: env.KITH_OIDC_ROLE_MAP,
    emailClaim: env.KITH_OIDC_EMAIL_CLAIM,
    label: env.KITH_OIDC_LABEL,
  };
}
