/**
 * Kith as an OpenID Connect relying party, through openid-client: the provider's metadata is
 * discovered once (and again after a failure), the authorization request carries state, nonce
 * and a PKCE challenge, and the answer is checked by the library (state, issuer, signature,
 * audience, expiry, nonce) before Kith reads any claim.
 */
import * as client from 'openid-client';
import type { Claims } from './claims.js';
import type { OidcConfig } from './config.js';
import type { SignInChecks } from './state-cookie.js';

/** Who the provider says signed in, with the claims of the ID token and of UserInfo. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  claims: Claims;
}

/** The provider could not be reached or answered nonsense: nobody's fault at this end. */
export class ProviderUnavailable extends Error {}

/** The provider said no (the user cancelled, or is not allowed this client). */
export class ProviderRefused extends Error {
  constructor(readonly error: string) {
    super(`the provider answered ${error}`);
  }
}

/** The answer did not pass the library's checks: it is not to be trusted. */
export class NotVerified extends Error {}

export function newChecks(): SignInChecks {
  return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

export class RelyingParty {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: OidcConfig) {}

  async authorizationUrl(checks: SignInChecks): Promise<URL> {
    const configuration = await this.configuration();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Exchanges the code in the callback's query for tokens and returns the verified identity. */
  async verify(callbackQuery: string, checks: SignInChecks): Promise<VerifiedIdentity> {
    const configuration = await this.configuration();
    // The configured redirect URL, not the request's Host header, is what the provider knows.
    const currentUrl = new URL(this.settings.redirectUrl);
    currentUrl.search = callbackQuery;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw classify(error);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new NotVerified('the provider sent no ID token');
    const userInfo = await this.userInfo(configuration, tokens.access_token, idToken.sub);
    // UserInfo adds what the ID token leaves out (CIS2 gives roles only there); the ID token's
    // issuer and subject stay authoritative.
    return { issuer: idToken.iss, subject: idToken.sub, claims: { ...userInfo, ...idToken } as Claims };
  }

  private async userInfo(configuration: client.Configuration, accessToken: string, subject: string): Promise<Claims> {
    if (!configuration.serverMetadata().userinfo_endpoint) return {};
    try {
      return (await client.fetchUserInfo(configuration, accessToken, subject)) as Claims;
    } catch (error) {
      throw classify(error);
    }
  }

  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw new ProviderUnavailable(`discovery of ${this.settings.issuer} failed`, { cause: error });
    });
    return this.discovered;
  }

  private discover(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // config.ts allows plain http only for a provider on this machine (development and tests).
    const execute = issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
    return client.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, { execute });
  }
}

function classify(error: unknown): Error {
  if (error instanceof client.AuthorizationResponseError) return new ProviderRefused(error.error);
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return new ProviderUnavailable('the provider could not be reached', { cause: error });
  if (error instanceof client.ResponseBodyError && error.status >= 500) return new ProviderUnavailable(`the provider answered ${error.status}`, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new NotVerified(message, { cause: error });
}
