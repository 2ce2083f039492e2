/** The Pothos builder: plugins and SchemaTypes only. Domain files add types to it. */
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import type { GatewayContext } from "../gateway/context.ts";
import type PrismaTypes from "../gateway/db/generated/pothos-types.ts";
import { getDatamodel } from "../gateway/db/generated/pothos-types.ts";
import { forbidden, unauthenticated } from "../gateway/errors.ts";
import { authScopesFor } from "./auth-scopes.ts";
import type { Jurisdiction } from "./common/jurisdiction.ts";
import { dateScalar, dateTimeScalar, jsonScalar, yuanScalar } from "./scalars.ts";

export interface AuthScopes {
  /** any verified token of a known issuer */
  authenticated: boolean;
  /** the caller's issuer is this jurisdiction */
  issuer: Jurisdiction;
  /** the caller holds this scope (after defaults, gateway/auth/scopes.ts) */
  scope: string;
}

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    /** integer fen inside; decimal yuan strings on the wire */
    Yuan: { Input: bigint; Output: bigint | number };
    ID: { Input: string; Output: string | number | bigint };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: authScopesFor,
    // no token → 401 UNAUTHENTICATED; a token without the right → 403 FORBIDDEN
    unauthorizedError: (_parent, ctx) =>
      ctx.caller
        ? forbidden("This token may not do that: its issuer or scopes do not allow it")
        : unauthenticated("A bearer token is required", "MISSING_TOKEN"),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    cursorType: "String",
    clientMutationId: "omit",
    // its four fields are described here, once (test/schema/descriptions.test.ts exempts them)
    pageInfoTypeOptions: {
      description:
        "分页信息 — Relay page info. hasNextPage / hasPreviousPage: whether more edges exist after / before this page; " +
        "startCursor / endCursor: the cursors of this page's first and last edge (null on an empty page), to pass " +
        "as `before:` / `after:` for the neighbouring page. Cursors are opaque: keep them, do not build them.",
    },
  },
});

builder.addScalarType("Date", dateScalar);
builder.addScalarType("DateTime", dateTimeScalar);
builder.addScalarType("JSON", jsonScalar);
builder.addScalarType("Yuan", yuanScalar);
builder.queryType({ description: "Reads: the shared catalog, benchmarks, libraries and records" });
builder.mutationType({ description: "Writes: each jurisdiction only its own records; every write audited" });
builder.subscriptionType({ description: "Streams over SSE (Accept: text/event-stream): the change stream" });
