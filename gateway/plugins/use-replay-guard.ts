import { type DocumentNode, GraphQLError, OperationTypeNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.ts";
import { unavailable } from "../errors.ts";
import { chosenOperation } from "./use-audit.ts";

/**
 * A mutation claims its token's `jti` before anything runs: a second use of the same token for a
 * mutation is refused with 401 TOKEN_REPLAYED and changes nothing. Queries reuse tokens freely.
 * When the replay store (Redis) cannot be reached the mutation fails closed, with 503
 * SERVICE_UNAVAILABLE so that a client knows to retry (it was an empty 500 before).
 */
export function useReplayGuard(): Plugin<GatewayContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as GatewayContext;
      if (!ctx.caller) return;
      const operation = chosenOperation(args.document as DocumentNode, args.operationName);
      if (operation?.operation !== OperationTypeNode.MUTATION) return;
      try {
        await ctx.services.authenticator.claimForMutation(ctx.caller);
      } catch (error) {
        const refusal =
          error instanceof GraphQLError
            ? error
            : unavailable(
                "Replay protection is unavailable: nothing was written, retry later",
                "REPLAY_STORE_UNAVAILABLE",
              );
        setResultAndStopExecution({ errors: [refusal] });
      }
    },
  };
}
