/**
 * Production sign-in: OpenID Connect authorization code + PKCE against the committee's issuer (oauth4webapi),
 * the access token bound to this browser's DPoP key. The issuer must issue gateway tokens: docs/console.md.
 */
import * as oauth from "oauth4webapi";
import { dpopKey } from "./dpop.ts";
import type { ConsoleSettings } from "./session.ts";
import { saveToken } from "./session.ts";

const VERIFIER = "gaozhu-console-pkce";
const STATE = "gaozhu-console-state";
const redirectUri = () => `${location.origin}/console/callback`;

async function discover(settings: NonNullable<ConsoleSettings["oidc"]>) {
  const issuer = new URL(settings.issuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer));
  return { as, client: { client_id: settings.clientId } as oauth.Client };
}

async function dpopHandle(client: oauth.Client) {
  const key = await dpopKey();
  const publicKey = await crypto.subtle.importKey(
    "jwk",
    key.publicJwk as JsonWebKey,
    { name: "ECDSA", namedCurve: "P-256" },
    true,
    ["verify"],
  );
  return oauth.DPoP(client, { privateKey: key.privateKey, publicKey });
}

export async function startOidcSignIn(settings: NonNullable<ConsoleSettings["oidc"]>): Promise<void> {
  const { as } = await discover(settings);
  if (!as.authorization_endpoint) throw new Error("the issuer has no authorization endpoint");
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("redirect_uri", redirectUri());
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", settings.scope);
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  url.searchParams.set("dpop_jkt", (await dpopKey()).thumbprint);
  location.assign(url.href);
}

/** on /console/callback: exchange the code for a DPoP-bound token */
export async function finishOidcSignIn(settings: NonNullable<ConsoleSettings["oidc"]>): Promise<void> {
  const { as, client } = await discover(settings);
  const params = oauth.validateAuthResponse(as, client, new URL(location.href), sessionStorage.getItem(STATE) ?? "");
  const DPoP = await dpopHandle(client);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(),
    sessionStorage.getItem(VERIFIER) ?? "",
    { DPoP },
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  saveToken(result.access_token);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
}
