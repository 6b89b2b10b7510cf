/**
 * Reading a token request: the form-encoded body RFC 6749 asks for (JSON is taken too), and the
 * client's credentials from HTTP Basic (RFC 6749 §2.3.1: each part form-encoded, then base64)
 * or from the body. Using both ways at once, or giving a parameter twice, is invalid_request.
 */
import { INVALID_CLIENT, OAuthError, type TokenRequest } from './token.js';

/** A parameter given more than once keeps every value, so the request can be refused. */
export type FormBody = Record<string, string | string[]>;

export function parseFormBody(body: string): FormBody {
  const fields: FormBody = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const before = fields[key];
    fields[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return fields;
}

export interface BasicCredentials {
  clientId: string;
  clientSecret: string;
}

/** The credentials in an `Authorization: Basic` header; undefined when there is no such header. */
export function credentialsOf(authorization: string | undefined): BasicCredentials | undefined {
  const match = /^Basic[ ]+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) {
    if (authorization && /^Basic(\s|$)/i.test(authorization)) throw malformedBasic();
    return undefined;
  }
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw malformedBasic();
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw malformedBasic();
  }
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replaceAll('+', ' '));
}

function malformedBasic(): OAuthError {
  return new OAuthError('invalid_client', INVALID_CLIENT, 'malformed Basic credentials');
}

const FIELDS = ['grant_type', 'scope', 'client_id', 'client_secret'] as const;

/** The token request from the body and the Basic credentials; unknown parameters are ignored (§3.2). */
export function tokenRequestOf(body: unknown, basic: BasicCredentials | undefined): TokenRequest {
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const value: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const field of FIELDS) {
    const given = fields[field];
    if (given === undefined) continue;
    if (typeof given !== 'string') {
      throw new OAuthError('invalid_request', `${field} must be given once, as text`, `bad ${field}`);
    }
    value[field] = given;
  }
  if (basic && value.client_secret !== undefined) {
    throw new OAuthError('invalid_request', 'Use one way to authenticate the client, not two', 'two authentication methods');
  }
  if (basic && value.client_id !== undefined && value.client_id !== basic.clientId) {
    throw new OAuthError('invalid_request', 'client_id does not match the Basic credentials', 'client ids differ');
  }
  return {
    grantType: value.grant_type,
    scope: value.scope,
    clientId: basic?.clientId ?? value.client_id,
    clientSecret: basic?.clientSecret ?? value.client_secret,
  };
}
