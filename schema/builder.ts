/** The Pothos builder: plugins and SchemaTypes only. Domain files add types to it. */
import SchemaBuilder from "@pothos/core";
import DirectivesPlugin from "@pothos/plugin-directives";
import FederationPlugin from "@pothos/plugin-federation";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import type { GatewayContext, SignedInContext } from "../gateway/context.ts";
import type PrismaTypes from "../gateway/db/generated/pothos-types.ts";
import { getDatamodel } from "../gateway/db/generated/pothos-types.ts";
import { authScopesFor } from "./auth-scopes.ts";
import type { Jurisdiction } from "./common/jurisdiction.ts";
import { authRefusal } from "./common/node-access.ts";
import { PageSizePlugin } from "./common/page-size-plugin.ts";
import { relayOptions } from "./common/relay-options.ts";
import { dateScalar, dateTimeScalar, jsonScalar, recordBatchScalar, yuanScalar } from "./scalars.ts";
import { invalidInput, toInputProblems } from "./validation-error.ts";

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
  /** what `t.withAuth(...)` narrows the context to: every scope is granted only to a verified token */
  AuthContexts: { authenticated: SignedInContext; issuer: SignedInContext; scope: SignedInContext };
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    /** integer fen inside; decimal yuan strings on the wire */
    Yuan: { Input: bigint; Output: bigint | number };
    /** a JSON array, each entry coerced as a RecordInput by the ingest path (schema/records/record-batch.ts) */
    RecordBatch: { Input: readonly unknown[]; Output: never };
    ID: { Input: string; Output: string | number | bigint };
  };
}>({
  // Directives + Federation: the same types also build the shared subgraph, its `@key`s printed as directives
  // (schema/federation/shared-subgraph.ts); graphql's printSchema of the public schema shows no directive
  plugins: [
    DirectivesPlugin,
    ScopeAuthPlugin,
    PageSizePlugin,
    PrismaPlugin,
    RelayPlugin,
    ValidationPlugin,
    FederationPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: authScopesFor,
    // no token → 401 UNAUTHENTICATED; a token without the right → 403 FORBIDDEN
    unauthorizedError: (_parent, ctx) => authRefusal(ctx),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: relayOptions,
  // graphql-tools' shape of `extensions.directives`, which its printer (shared-subgraph.ts) reads
  directives: { useGraphQLToolsUnorderedDirectives: true },
  // inputs are checked by their zod schemas (`validate`) before any resolver: one refusal shape
  validation: { validationError: (failure) => invalidInput(toInputProblems(failure.issues)) },
});

builder.addScalarType("Date", dateScalar);
builder.addScalarType("DateTime", dateTimeScalar);
builder.addScalarType("JSON", jsonScalar);
builder.addScalarType("Yuan", yuanScalar);
builder.addScalarType("RecordBatch", recordBatchScalar);
builder.queryType({ description: "Reads: the shared catalog, benchmarks, libraries and records" });
builder.mutationType({ description: "Writes: each jurisdiction only its own records; every write audited" });
builder.subscriptionType({ description: "Streams over SSE (Accept: text/event-stream): the change stream" });
