/**
 * The adapter's only way into the gateway: GraphQL over fetch, signed with its province's key.
 *
 * By default the adapter's tokens are DPoP-bound (docs/security.md): it keeps a key pair in memory
 * (the private half not extractable, new each process), binds each token it mints to it, reuses the
 * token for every request until it is near expiry, and signs a proof per request — so a token read
 * off the wire or a log is worth nothing. In `bearer` mode (the adapters before DPoP, and any client
 * that cannot sign proofs) mutations get a FRESH token each (the gateway refuses a replayed `jti`);
 * queries and the subscription reuse a cached one.
 */

import type { ResultOf, TadaDocumentNode, VariablesOf } from "gql.tada";
import { print } from "graphql";
import { type DpopKey, generateDpopKey, signDpopProof } from "../../gateway/auth/dpop-proof.ts";
import type { SigningKey } from "../../gateway/auth/keys.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import type { Change } from "./canonical.ts";
import { CHANGES } from "./operations/outbound.ts";
import { openSse } from "./sse.ts";

export interface GatewayClientOptions {
  gatewayUrl: string;
  issuer: Jurisdiction;
  key: SigningKey;
  /** @default `${issuer}-adapter` */
  subject?: string;
  /** @default "gaozhu-gateway" */
  audience?: string;
  /** @default 900 */
  tokenTtlSeconds?: number;
  /** @default "dpop" */
  tokenMode?: TokenMode;
}

/** "dpop": one key-bound token, a proof per request; "bearer": a fresh token per mutation */
export type TokenMode = "dpop" | "bearer";

/** a GraphQL or HTTP failure */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly reason: string | undefined,
    /** the error's other extensions, as the gateway sent them (e.g. CURSOR_MOVED's storedCursor) */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

// biome-ignore lint/suspicious/noExplicitAny: any operation's result and variables; each call is typed by its document
type Operation = TadaDocumentNode<any, any>;

const texts = new WeakMap<Operation, string>();
/** the operation as sent: printed once per document */
function textOf(document: Operation): string {
  let text = texts.get(document);
  if (text === undefined) {
    text = print(document);
    texts.set(document, text);
  }
  return text;
}

type GraphQLBody<T> = { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

export class GatewayClient {
  private cached: { token: string; expiresAt: number } | null = null;
  /** made on first use, kept for the life of the process */
  private dpopKey: Promise<DpopKey> | null = null;
  readonly graphqlUrl: string;

  constructor(private readonly options: GatewayClientOptions) {
    this.graphqlUrl = `${options.gatewayUrl.replace(/\/$/, "")}/graphql`;
    if ((options.tokenMode ?? "dpop") === "dpop") this.dpopKey = generateDpopKey();
  }

  private async mint(): Promise<string> {
    const { key, issuer } = this.options;
    return signToken({
      privateKey: key.key,
      kid: key.kid,
      alg: key.alg,
      issuer,
      audience: this.options.audience,
      subject: this.options.subject ?? `${issuer}-adapter`,
      ttlSeconds: this.options.tokenTtlSeconds,
      boundKey: this.dpopKey ? (await this.dpopKey).thumbprint : undefined,
    });
  }

  /** the Authorization (and DPoP) headers of one POST to the GraphQL endpoint */
  private async headers(token: string): Promise<Record<string, string>> {
    if (!this.dpopKey) return { authorization: `Bearer ${token}` };
    const proof = await signDpopProof(await this.dpopKey, { method: "POST", url: this.graphqlUrl, accessToken: token });
    return { authorization: `DPoP ${token}`, dpop: proof };
  }

  /** a token reused until a minute before it expires: for reads, and for everything when DPoP-bound */
  private async readToken(): Promise<string> {
    const ttlMs = (this.options.tokenTtlSeconds ?? 900) * 1000;
    if (!this.cached || this.cached.expiresAt - Date.now() < Math.min(60_000, ttlMs / 2)) {
      this.cached = { token: await this.mint(), expiresAt: Date.now() + ttlMs };
    }
    return this.cached.token;
  }

  /** a query of adapters/core/operations/: its result and variables are typed from schema.graphql */
  query<D extends Operation>(document: D, variables: VariablesOf<D>, signal?: AbortSignal): Promise<ResultOf<D>> {
    return this.readToken().then((token) => this.post<ResultOf<D>>(token, textOf(document), variables, signal));
  }

  /** a bearer token of its own for every mutation request — also every retry of it; a bound token is reused */
  mutate<D extends Operation>(document: D, variables: VariablesOf<D>, signal?: AbortSignal): Promise<ResultOf<D>> {
    const token = this.dpopKey ? this.readToken() : this.mint();
    return token.then((t) => this.post<ResultOf<D>>(t, textOf(document), variables, signal));
  }

  private async post<T>(token: string, query: string, variables: unknown, signal?: AbortSignal) {
    const response = await fetch(this.graphqlUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(await this.headers(token)),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const text = await response.text();
    let body: GraphQLBody<T>;
    try {
      body = JSON.parse(text) as GraphQLBody<T>;
    } catch {
      throw new GatewayError(
        `gateway answered ${response.status}: ${text.slice(0, 200)}`,
        response.status,
        undefined,
        undefined,
      );
    }
    const first = body.errors?.[0];
    if (first || !body.data) {
      const code = first?.extensions?.code as string | undefined;
      const reason = first?.extensions?.reason as string | undefined;
      throw new GatewayError(first?.message ?? "no data", response.status, code, reason, first?.extensions ?? {});
    }
    return body.data;
  }

  /**
   * One `changes` stream from the consumer's acknowledged seq. It ends (the iterator returns) when
   * the gateway completes it (token expiry, shutdown) or the connection drops: then open a new one.
   */
  async changes(consumer: string, signal: AbortSignal): Promise<AsyncIterable<Change>> {
    const query = textOf(CHANGES);
    const token = await this.mint(); // a whole TTL for the stream
    const events = await openSse(
      this.graphqlUrl,
      await this.headers(token),
      { query, variables: { consumer } },
      signal,
    );
    return (async function* () {
      for await (const message of events) {
        const parsed = JSON.parse(message) as GraphQLBody<{ changes: Change }>;
        if (parsed.errors?.length) {
          const e = parsed.errors[0]!;
          throw new GatewayError(e.message, 200, e.extensions?.code as string, e.extensions?.reason as string);
        }
        if (parsed.data?.changes) yield parsed.data.changes;
      }
    })();
  }
}
