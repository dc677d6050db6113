/**
 * What a server says about its OAuth service at `/.well-known/oauth-authorization-server`
 * (RFC 8414). A 404 there means a server older than 4.3. Since 4.3.
 * @see https://docs.joinmastodon.org/methods/oauth/#authorization-server-metadata
 */
export interface OAuthServerMetadata {
  /** The server's identifier, a URL. */
  issuer: string;
  /** Where the API is documented. */
  service_documentation?: string;
  /** Where users authorize apps. */
  authorization_endpoint: string;
  /** Where tokens are requested. */
  token_endpoint: string;
  /** Where apps register (`POST /api/v1/apps`). */
  app_registration_endpoint?: string;
  /** Where tokens are revoked. */
  revocation_endpoint: string;
  /** Where `oauthUserinfo` asks. Since 4.4. */
  userinfo_endpoint?: string;
  /** Every scope an app may ask for. */
  scopes_supported: string[];
  /** Supported `response_type`s (`code`). */
  response_types_supported: string[];
  /** How the authorization answer may come back (`query`, `fragment`, `form_post`). */
  response_modes_supported: string[];
  /** Supported grants; `password` is missing since 4.4, which removed that grant. */
  grant_types_supported: string[];
  /** How clients may authenticate to the token endpoint. */
  token_endpoint_auth_methods_supported: string[];
  /** Supported PKCE methods (`S256`). */
  code_challenge_methods_supported: string[];
}

/**
 * OpenID Connect claims about the logged-in user, from `/oauth/userinfo`. Since 4.4.
 * @see https://docs.joinmastodon.org/methods/oauth/#userinfo
 */
export interface OAuthUserInfo {
  /** The issuer, to compare with `OAuthServerMetadata.issuer`. */
  iss: string;
  /** The user's ActivityPub actor id. */
  sub: string;
  /** The display name. */
  name: string;
  /** The user name (the part between the first and second `@` of the handle). */
  preferred_username: string;
  /** The profile page. */
  profile: string;
  /** The avatar image. */
  picture: string;
}
