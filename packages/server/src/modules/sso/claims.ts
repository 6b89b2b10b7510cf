/**
 * From a provider's claims to what Kith needs: who the user is, their email and name, and the
 * roles the configured mapping gives them. Pure, so the mapping rules are tested without a
 * provider; unknown claim values simply give no role.
 */
import type { MappedRole, OidcConfig } from './config.js';

export type Claims = Record<string, unknown>;

/** The role claim's values as mapping keys: strings as they are, objects through the template. */
export function roleClaimValues(claims: Claims, claim: string, template?: string): string[] {
  const raw = claims[claim];
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const values = items.flatMap((item): string[] => {
    if (typeof item === 'string') return [item];
    if (template && item && typeof item === 'object') {
      const filled = fillTemplate(template, item as Record<string, unknown>);
      return filled === undefined ? [] : [filled];
    }
    return [];
  });
  return [...new Set(values)];
}

/** `{role_code}@{org_code}` with the object's fields; undefined when a field is missing. */
function fillTemplate(template: string, item: Record<string, unknown>): string | undefined {
  let complete = true;
  const filled = template.replace(/\{([^{}]+)\}/g, (_, field: string) => {
    const value = item[field];
    if (typeof value !== 'string' && typeof value !== 'number') {
      complete = false;
      return '';
    }
    return String(value);
  });
  return complete ? filled : undefined;
}

/** Every Kith role the user's claim values map to, each once. */
export function mappedRoles(claims: Claims, settings: Pick<OidcConfig, 'roleClaim' | 'roleValue' | 'roleMap'>): MappedRole[] {
  const grants = roleClaimValues(claims, settings.roleClaim, settings.roleValue).flatMap((value) => settings.roleMap[value] ?? []);
  const unique = new Map(grants.map((g) => [`${g.ods}:${g.role}`, g]));
  return [...unique.values()];
}

export interface Person {
  email?: string;
  /** False only when the provider says outright that it has not checked the email. */
  emailVerified: boolean;
  name?: string;
}

export function personFrom(claims: Claims, emailClaim: string): Person {
  const email = text(claims[emailClaim])?.toLowerCase();
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  const name = text(claims.name) ?? ([given, family].filter(Boolean).join(' ') || undefined);
  return { email, emailVerified: claims.email_verified !== false && claims.email_verified !== 'false', name };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
