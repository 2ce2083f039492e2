/**
 * Peer of `read-peers`: Mercurius on Fastify at its best, as its documentation recommends for a hot read path —
 * `jit: 1` (graphql-jit compiles a query after its first execution), mercurius-cache on the two catalog fields
 * the gateway caches (`items`, `item`: per field, keyed by arguments and selection, in memory), and the gateway's
 * verified-token cache (./jose-verify.ts). The catalog is served from memory.
 */
import Fastify from "fastify";
import mercurius from "mercurius";
import mercuriusCacheModule from "mercurius-cache";
import { CATALOG_READ_FIELDS } from "../../schema/catalog/catalog-read-model.ts";
import { createJoseVerifier, keysDirFromEnv } from "./jose-verify.ts";
import { CATALOG_CACHE_SECONDS, CATALOG_SDL, catalogResolvers } from "./memory-catalog.ts";
import { serveAsChild } from "./protocol.ts";

serveAsChild(async () => {
  const verify = await createJoseVerifier(keysDirFromEnv());
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: CATALOG_SDL,
    resolvers: catalogResolvers,
    path: "/graphql",
    jit: 1,
    context: async (request) => ({ caller: await verify(request.headers.authorization) }),
  });
  // a CommonJS plugin: fastify-plugin exposes it as `.default` too, which is what its typings describe
  await app.register(mercuriusCacheModule.default, {
    ttl: CATALOG_CACHE_SECONDS,
    policy: { Query: Object.fromEntries([...CATALOG_READ_FIELDS].map((field) => [field, true])) },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url: `${address}/graphql`, close: () => app.close() };
});
