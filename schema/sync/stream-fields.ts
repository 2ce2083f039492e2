/** `changes` (subscription over SSE) and `acknowledgeChanges`: the outbound half of an adapter. */

import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { writeAudited } from "../common/write.ts";
import { changeStream } from "./change-stream.ts";
import { adapterName, checkpointId, touchCheckpoint } from "./checkpoints.ts";
import { ChangeRef, parseSeq } from "./types.ts";

interface Acknowledgement {
  consumer: string;
  ackedSeq: bigint;
  lastSeenAt: Date | null;
}

const AcknowledgementRef = builder.objectRef<Acknowledgement>("ChangeAcknowledgement").implement({
  description: "确认位置 — where a consumer of the change stream stands",
  fields: (t) => ({
    consumer: t.exposeString("consumer", { description: "the checkpoint id: issuer:consumer:outbound" }),
    ackedSeq: t.string({
      description: "the acknowledged seq now stored (never lower than before)",
      resolve: (a) => String(a.ackedSeq),
    }),
    lastSeenAt: t.expose("lastSeenAt", {
      type: "DateTime",
      nullable: true,
      description: "when the consumer last acknowledged or reported",
    }),
  }),
});

const AcknowledgeChangesInput = builder.inputType("AcknowledgeChangesInput", {
  description: "确认已处理 — a consumer's acknowledgement of the changes it has handled",
  fields: (t) => ({
    consumer: t.string({ required: true, description: "your consumer name, scoped to your issuer" }),
    seq: t.string({
      required: true,
      description:
        "the seq of the last change handled (or of a heartbeat): a decimal string, never ahead of the newest",
    }),
  }),
});

const AcknowledgeChangesPayload = builder
  .objectRef<{ acknowledgement: Acknowledgement }>("AcknowledgeChangesPayload")
  .implement({
    description: "确认结果 — the acknowledgement as stored",
    fields: (t) => ({
      acknowledgement: t.field({
        type: AcknowledgementRef,
        description: "the consumer's acknowledged position now stored",
        resolve: (p) => p.acknowledgement,
      }),
    }),
  });

builder.subscriptionFields((t) => ({
  changes: t.withAuth({ scope: "read" }).field({
    type: ChangeRef,
    description:
      "变更流 — every change after `afterSeq` the caller may receive, in seq order, each once; then live. Resume from your acknowledged seq",
    args: {
      afterSeq: t.arg.string({
        required: false,
        description: "start after this seq; default: the consumer's acknowledged seq, else 0",
      }),
      kinds: t.arg.stringList({
        required: false,
        description: "only these kinds (e.g. record.upserted); heartbeats always come",
      }),
      consumer: t.arg.string({
        required: false,
        description: "your consumer name (as in acknowledgeChanges) to resume from its acknowledged seq",
      }),
      includeOwn: t.arg.boolean({
        required: false,
        description: "also your own province's records, officers, enterprises (default false)",
      }),
    },
    subscribe: async (_root, args, ctx) => {
      const caller = ctx.caller;
      let afterSeq = args.afterSeq != null ? parseSeq(args.afterSeq, "afterSeq") : 0n;
      if (args.afterSeq == null && args.consumer != null) {
        const id = checkpointId(caller.issuer, adapterName(args.consumer), "outbound");
        afterSeq = (await ctx.prisma.syncCheckpoint.findUnique({ where: { id } }))?.ackedSeq ?? 0n;
      }
      const { heartbeatMs, pollMs } = ctx.services.config.stream;
      return changeStream(
        { prisma: ctx.prisma, bus: ctx.services.bus, clock: ctx.services.clock },
        {
          subscriber: caller,
          afterSeq,
          kinds: args.kinds ?? null,
          includeOwn: args.includeOwn ?? false,
          heartbeatMs,
          pollMs,
          until: new Date(caller.expiresAt * 1000),
        },
      );
    },
    resolve: (change) => change,
  }),
}));

builder.mutationFields((t) => ({
  acknowledgeChanges: t.withAuth({ scope: "read" }).field({
    type: AcknowledgeChangesPayload,
    description:
      "确认已处理 — store that `consumer` has handled every change up to `seq` (monotonic: a lower seq leaves it as it is)",
    args: { input: t.arg({ type: AcknowledgeChangesInput, required: true, description: "consumer and seq" }) },
    resolve: async (_root, { input: args }, ctx) => {
      const issuer = ctx.caller.issuer;
      const name = adapterName(args.consumer);
      const seq = parseSeq(args.seq);
      const newest = (await ctx.prisma.changeEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
      if (seq > newest) {
        throw badInput(`seq ${seq} is ahead of the newest change ${newest}: acknowledge only what you received`, {
          reason: "SEQ_AHEAD",
        });
      }
      return writeAudited(ctx, async (tx) => {
        const checkpoint = await touchCheckpoint(tx, {
          issuer,
          name,
          direction: "outbound",
          now: ctx.now,
          ackedSeq: seq,
          lastError: null,
        });
        return {
          result: {
            acknowledgement: {
              consumer: checkpoint.id,
              ackedSeq: checkpoint.ackedSeq,
              lastSeenAt: checkpoint.lastSeenAt,
            },
          },
          recordIds: [checkpoint.id],
        };
      });
    },
  }),
}));
