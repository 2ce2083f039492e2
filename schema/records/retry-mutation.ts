/**
 * 重新入库 — the committee runs a quarantined record again, unchanged, once the cause is fixed at the gateway
 * (the catalog gained the item code it was refused for, an officer or enterprise arrived). The record stays
 * the province's as sent: only a corrected record needs the province (`replayQuarantined`, records:write).
 * The committee's right comes with catalog:write, the scope that fixes most such causes.
 */
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { keyOf } from "../common/node-access.ts";
import { writeAudited } from "../common/write.ts";
import { openRow, type ReplayPayload, ReplayPayloadRef, replayRow } from "./quarantine-mutations.ts";
import { retriedRecord } from "./retried-record.ts";

builder.mutationFields((t) => ({
  retryQuarantined: t.withAuth({ scope: "catalog:write" }).field({
    type: ReplayPayloadRef,
    description:
      "重新入库 — 管委会: run a quarantined record again as the province sent it, after its cause was fixed at the gateway; REPLAYED, or still QUARANTINED with the new reason",
    args: { id: t.arg.id({ required: true, description: "隔离记录 — 全局ID of the quarantined record (its `id`)" }) },
    resolve: (_root, args, ctx) =>
      writeAudited<ReplayPayload>(ctx, async (tx) => {
        const row = await openRow(ctx, tx, keyOf("QuarantinedRecord", args.id), true);
        const record = retriedRecord(row);
        if (!record) {
          throw badInput(
            `Quarantined record ${args.id} does not hold a record the gateway can run again: its province corrects and replays it`,
            { reason: "NOT_RETRYABLE" },
          );
        }
        return replayRow(ctx, tx, row, record);
      }),
  }),
}));
