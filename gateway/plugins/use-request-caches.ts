/**
 * Releases a request's Pothos caches (../../schema/common/request-caches.ts) when yoga has executed it: at once for
 * a result, at the end of the stream for a subscription or an incremental result. The read lane releases its own
 * executions' (../read-cache/read-cache-lane.ts).
 */
import type { Plugin } from "graphql-yoga";
import { releaseRequestCaches } from "../../schema/common/request-caches.ts";

const releasedWhenDone = (context: object) => (result: object | undefined) => {
  if (result && Symbol.asyncIterator in result) return { onEnd: () => releaseRequestCaches(context) };
  releaseRequestCaches(context);
  return undefined;
};

export function useRequestCaches(): Plugin {
  return {
    onExecute({ args }) {
      const release = releasedWhenDone(args.contextValue as object);
      return { onExecuteDone: ({ result }) => release(result) };
    },
    onSubscribe({ args }) {
      const release = releasedWhenDone(args.contextValue as object);
      return { onSubscribeResult: ({ result }) => release(result) };
    },
  };
}
