/** Peer of `read-peers`: Mercurius (default options) on Fastify, catalog from memory, jose verify per request. */
import Fastify from "fastify";
import mercurius from "mercurius";
import { createJoseVerifier, keysDirFromEnv } from "./jose-verify.ts";
import { CATALOG_SDL, catalogResolvers } from "./memory-catalog.ts";
import { serveAsChild } from "./protocol.ts";

serveAsChild(async () => {
  const verify = await createJoseVerifier(keysDirFromEnv());
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: CATALOG_SDL,
    resolvers: catalogResolvers,
    path: "/graphql",
    context: async (request) => ({ caller: await verify(request.headers.authorization) }),
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url: `${address}/graphql`, close: () => app.close() };
});
