import type { GatewayContext } from "../gateway/context.ts";
import type { Jurisdiction } from "./common/jurisdiction.ts";

/** The scope initializer: how each AuthScope is decided for a request (scope-auth plugin). */
export function authScopesFor(ctx: GatewayContext) {
  const caller = ctx.caller;
  return {
    authenticated: caller !== null,
    issuer: (jurisdiction: Jurisdiction) => caller?.issuer === jurisdiction,
    scope: (scope: string) => caller?.scopes.has(scope) ?? false,
  };
}
