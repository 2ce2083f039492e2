/**
 * What every resolver receives. `caller` is the verified token's principal (null without a token:
 * only public fields then resolve). Built per request by gateway/server.ts.
 */
import type { PrismaClient } from "./db/generated/prisma/client.ts";

export type Jurisdiction = "cq" | "sc" | "gz";

export interface Caller {
  issuer: Jurisdiction;
  subject: string;
  /** effective scopes (gateway/auth/scopes.ts decides defaults) */
  scopes: ReadonlySet<string>;
  jti: string;
  expiresAt: number;
}

export interface GatewayContext {
  prisma: PrismaClient;
  caller: Caller | null;
  /** the request's clock, so that one request sees one "now" */
  now: Date;
}
