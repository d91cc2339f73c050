import * as client from 'openid-client';
import { AppError } from '../../shared/errors.ts';

/** The identity provider as configured (OIDC_* in src/config.ts). */
export interface OidcOptions {
  /** the provider's issuer, e.g. https://sso.tayninh.gov.vn/realms/tayninh */
  issuer: string;
  clientId: string;
  /** null: a public client, protected by PKCE alone */
  clientSecret: string | null;
  /** the public URL of /api/auth/oidc/callback; null: derived from each request (Host, X-Forwarded-*) */
  redirectUrl: string | null;
  scopes: string;
  /** the sign-in button's text */
  label: string;
  /** claim names (dotted paths into nested claims, e.g. `resource_access.dondoc.roles`) */
  claims: { username: string; email: string; role: string | null; agency: string | null };
  /** an http:// issuer (tests, a closed network); https is required otherwise */
  allowHttp: boolean;
}

/** What dondoc learns from the provider about the person signing in. */
export type OidcClaims = Record<string, unknown> & { sub: string };

/**
 * The relying party: the provider's metadata is discovered on first use and kept for the process
 * (a failed discovery is retried on the next sign-in); every check (state, nonce, PKCE S256, issuer,
 * audience, signature, expiry) is openid-client's.
 */
export class OidcClient {
  #configuration: Promise<client.Configuration> | null = null;

  constructor(readonly options: OidcOptions) {}

  configuration(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const { issuer, clientId, clientSecret, allowHttp } = this.options;
      this.#configuration = client
        .discovery(
          new URL(issuer),
          clientId,
          clientSecret ?? undefined,
          clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
          allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.#configuration = null;
          throw providerError('discovery', error);
        });
    }
    return this.#configuration;
  }

  /** The provider's authorisation URL for a new sign-in, with a fresh state, nonce and PKCE pair. */
  async authorisationRequest(redirectUri: string) {
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.options.scopes,
      response_type: 'code',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * The provider's answer at the callback → the person's claims: the code exchanged with the PKCE
   * verifier, the ID token checked against state and nonce, then the UserInfo claims merged in
   * (a provider may keep e-mail or roles out of the ID token), their `sub` checked against it.
   */
  async exchange(
    redirectUri: string,
    query: string,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<OidcClaims> {
    const configuration = await this.configuration();
    const currentUrl = new URL(redirectUri);
    currentUrl.search = query;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        pkceCodeVerifier: expected.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      throw providerError('code exchange', error);
    }
    const idToken = tokens.claims();
    if (!idToken) throw providerError('code exchange', new Error('no ID token'));
    let userInfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint) {
      try {
        userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      } catch (error) {
        throw providerError('userinfo', error);
      }
    }
    return { ...idToken, ...userInfo, sub: idToken.sub };
  }
}

/** Every failure of the exchange with the provider, for the person in Vietnamese; the cause in details. */
function providerError(step: string, error: unknown): AppError {
  const cause = error instanceof Error ? error : new Error(String(error));
  const code = (cause as { code?: unknown }).code;
  const detail = (cause as { error?: unknown }).error;
  return new AppError(
    'OIDC_FAILED',
    'Không hoàn tất được đăng nhập qua hệ thống định danh của tỉnh: hãy thử lại, hoặc báo quản trị hệ thống.',
    {
      step,
      reason: cause.message,
      ...(typeof code === 'string' ? { libraryCode: code } : {}),
      ...(typeof detail === 'string' ? { providerError: detail } : {}),
    },
  );
}

/** A claim by name or dotted path (`resource_access.dondoc.roles`), as Keycloak nests them. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A claim as a list of strings: a string alone, or the strings of an array. */
export function claimStrings(claims: Record<string, unknown>, path: string): string[] {
  const value = claimAt(claims, path);
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return [];
}
