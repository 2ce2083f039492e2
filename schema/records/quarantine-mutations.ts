/**
 * Resolving the quarantine: replay a corrected record through the ingest path, discard one on
 * purpose, or — for adapters — quarantine what could not even be mapped (e.g. a provincial item code
 * the catalog does not know), so it is visible and replayable like any refused record.
 * Only the origin province resolves its records (records:write lies only with cq and sc).
 */

import type { GatewayContext } from "../../gateway/context.ts";
import type { Prisma, QuarantinedRecord } from "../../gateway/db/generated/prisma/client.ts";
import { badInput, conflict, notFound } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { keyOf } from "../common/node-access.ts";
import { checkJsonSize, limitOf } from "../common/rules/field-limits.ts";
import { replaceUnsafeText } from "../common/rules/text-safety.ts";
import { writeAudited } from "../common/write.ts";
import { adapterName, touchCheckpoint } from "../sync/checkpoints.ts";
import { RecordResultRef } from "./ingest-mutation.ts";
import { ingestInTransaction, type RecordResult } from "./ingest-service.ts";
import { QUARANTINED, QuarantineStore } from "./quarantine-store.ts";
import type { RecordInput } from "./rules/record-input.ts";
import { RecordInputRef } from "./types.ts";

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** A payload over its limit (docs/limits.md) is named, not kept: the row still says what was refused. */
function keptPayload(payload: unknown): unknown {
  const problem = checkJsonSize(payload, "payload", limitOf("QuarantineItemInput.payload"));
  return problem ? { notKept: problem.code, reason: problem.message } : (payload ?? null);
}
const MAX_ITEMS = 2000;

/** The row, still QUARANTINED; a province opens only its own (`anyOrigin`: the committee's retry). */
export async function openRow(
  ctx: GatewayContext,
  tx: Prisma.TransactionClient,
  id: string,
  anyOrigin = false,
): Promise<QuarantinedRecord> {
  const row = await tx.quarantinedRecord.findUnique({ where: { id } });
  if (!row || (!anyOrigin && row.originJurisdiction !== ctx.caller?.issuer)) {
    throw notFound(`No quarantined record ${id} of yours`);
  }
  if (row.status !== QUARANTINED)
    throw conflict(`Quarantined record ${id} is already ${row.status}`, { reason: "NOT_QUARANTINED" });
  return row;
}

export interface ReplayPayload {
  result: RecordResult;
  quarantined: QuarantinedRecord;
}

/** Runs `record` through the ingest path as the row's origin's; REPLAYED unless refused again (then the row keeps the new reason). */
export async function replayRow(
  ctx: GatewayContext,
  tx: Prisma.TransactionClient,
  row: QuarantinedRecord,
  record: RecordInput,
) {
  const outcome = await ingestInTransaction(tx, {
    origin: jurisdictionOf(row.originJurisdiction),
    source: row.source,
    records: [record],
    now: ctx.now,
    replayOf: row.id,
  });
  const result = outcome.results[0] as RecordResult;
  if (result.outcome !== "REFUSED") await outcome.quarantine.markReplayed(row.id, record.version, ctx.now);
  return {
    result: { result, quarantined: row },
    recordIds: [row.id, ...outcome.recordIds],
    changes: outcome.changes,
  };
}

export const ReplayPayloadRef = builder.objectRef<ReplayPayload>("ReplayQuarantinedPayload").implement({
  description: "重放结果 — the corrected record's outcome and the quarantine row after it",
  fields: (t) => ({
    result: t.field({ type: RecordResultRef, description: "the corrected record's outcome", resolve: (p) => p.result }),
    quarantined: t.prismaField({
      type: "QuarantinedRecord",
      description: "the row after the replay: REPLAYED, or still QUARANTINED with the new reason",
      resolve: (query, p, _a, ctx) =>
        ctx.prisma.quarantinedRecord.findUniqueOrThrow({ ...query, where: { id: p.quarantined.id } }),
    }),
  }),
});

const DiscardPayloadRef = builder.objectRef<{ id: string }>("DiscardQuarantinedPayload").implement({
  description: "舍弃结果 — the quarantine row set aside",
  fields: (t) => ({
    quarantined: t.prismaField({
      type: "QuarantinedRecord",
      description: "the row, now DISCARDED with the reason in `resolution`",
      resolve: (query, p, _a, ctx) => ctx.prisma.quarantinedRecord.findUniqueOrThrow({ ...query, where: { id: p.id } }),
    }),
  }),
});

const QuarantinePayloadRef = builder.objectRef<{ ids: string[] }>("QuarantineRecordsPayload").implement({
  description: "隔离结果 — the quarantine rows, one per item, in input order",
  fields: (t) => ({
    quarantined: t.prismaField({
      type: ["QuarantinedRecord"],
      description: "one row per item, in input order (an open row of the same originId is updated, not doubled)",
      resolve: async (query, p, _a, ctx) => {
        const rows = await ctx.prisma.quarantinedRecord.findMany({ ...query, where: { id: { in: p.ids } } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return p.ids.map((id) => byId.get(id)).filter((row) => row !== undefined);
      },
    }),
  }),
});

const ReplayInputRef = builder.inputType("ReplayQuarantinedInput", {
  description: "重放 — a corrected version of a quarantined record",
  fields: (t) => ({
    id: t.id({ required: true, description: "隔离记录 — 全局ID of the quarantined record (its `id`)" }),
    record: t.field({
      type: RecordInputRef,
      required: true,
      description: "the corrected record; it keeps the row's originId",
    }),
  }),
});

const DiscardInputRef = builder.inputType("DiscardQuarantinedInput", {
  description: "舍弃 — set a quarantined record aside on purpose",
  fields: (t) => ({
    id: t.id({ required: true, description: "隔离记录 — 全局ID of the quarantined record (its `id`)" }),
    reason: t.string({ required: true, description: "why, kept in `resolution` (at most 2000 characters kept)" }),
  }),
});

const QuarantineItemRef = builder.inputType("QuarantineItemInput", {
  description: "隔离项 — one thing the adapter could not map, kept as the platform sent it",
  fields: (t) => ({
    originId: t.string({ required: false, description: "the record's id on the platform, when known" }),
    version: t.int({ required: false, description: "its version, when known (a newer applied version supersedes it)" }),
    code: t.string({ required: true, description: "the adapter's code, SCREAMING_SNAKE, e.g. UNMAPPED_ITEM_CODE" }),
    reason: t.string({ required: true, description: "why it could not be mapped, in English" }),
    payload: t.field({
      type: "JSON",
      required: true,
      description: "what the platform sent (vendor shape is fine here)",
    }),
  }),
});

const QuarantineInputRef = builder.inputType("QuarantineRecordsInput", {
  description: "隔离 — what an adapter could not map, from one feed",
  fields: (t) => ({
    source: t.string({ required: true, description: "the adapter's name for this feed (as in ingestRecords)" }),
    items: t.field({ type: [QuarantineItemRef], required: true, description: `at most ${MAX_ITEMS}` }),
  }),
});

builder.mutationFields((t) => ({
  replayQuarantined: t.withAuth({ scope: "records:write" }).field({
    type: ReplayPayloadRef,
    description:
      "重放 — send a corrected record through the same ingest path; on success the quarantined row becomes REPLAYED",
    args: { input: t.arg({ type: ReplayInputRef, required: true, description: "the row and its corrected record" }) },
    resolve: (_root, { input: args }, ctx) =>
      writeAudited<ReplayPayload>(ctx, async (tx) => {
        const row = await openRow(ctx, tx, keyOf("QuarantinedRecord", args.id));
        if (row.originId && row.originId !== args.record.originId) {
          throw badInput(`The corrected record must keep originId ${row.originId}`, { reason: "ORIGIN_ID_MISMATCH" });
        }
        return replayRow(ctx, tx, row, args.record);
      }),
  }),

  discardQuarantined: t.withAuth({ scope: "records:write" }).field({
    type: DiscardPayloadRef,
    description: "舍弃 — set a quarantined record aside on purpose; the reason is kept in `resolution`",
    args: { input: t.arg({ type: DiscardInputRef, required: true, description: "the row and why" }) },
    resolve: (_root, { input: args }, ctx) =>
      writeAudited(ctx, async (tx) => {
        const row = await openRow(ctx, tx, keyOf("QuarantinedRecord", args.id));
        const reason = args.reason.trim().slice(0, 2000);
        if (!reason) throw badInput("Say why it is discarded", { reason: "EMPTY_REASON" });
        await tx.quarantinedRecord.update({
          where: { id: row.id },
          data: { status: "DISCARDED", resolvedAt: ctx.now, resolution: `discarded: ${reason}` },
        });
        return { result: { id: row.id }, recordIds: [row.id] };
      }),
  }),

  quarantineRecords: t.withAuth({ scope: "records:write" }).field({
    type: QuarantinePayloadRef,
    description: "隔离 — an adapter quarantines what it could not map; visible and replayable like refused records",
    args: { input: t.arg({ type: QuarantineInputRef, required: true, description: "the feed and its items" }) },
    resolve: (_root, { input: args }, ctx) => {
      const source = adapterName(args.source);
      if (args.items.length > MAX_ITEMS) throw badInput(`At most ${MAX_ITEMS} items`, { reason: "BATCH_TOO_LARGE" });
      const badCode = args.items.find((item) => !CODE.test(item.code));
      if (badCode) throw badInput(`code "${badCode.code}" is not SCREAMING_SNAKE`, { reason: "BAD_CODE" });
      const origin = ctx.caller.issuer;
      return writeAudited(ctx, async (tx) => {
        const ids = args.items
          .map((item) => item.originId)
          .filter((id): id is string => !!id)
          .map(replaceUnsafeText);
        const store = await QuarantineStore.load(tx, origin, ids);
        const rows: QuarantinedRecord[] = [];
        for (const item of args.items) {
          rows.push(
            await store.refuse({
              origin,
              source,
              // what an adapter could not map is kept whatever it holds: unstorable characters become U+FFFD
              originId: item.originId == null ? null : replaceUnsafeText(item.originId),
              version: item.version ?? null,
              code: item.code,
              reason: replaceUnsafeText(item.reason.slice(0, limitOf("QuarantineItemInput.reason").max)),
              payload: replaceUnsafeText(keptPayload(item.payload)) as Prisma.InputJsonValue,
            }),
          );
        }
        await touchCheckpoint(tx, { issuer: origin, name: source, direction: "inbound", now: ctx.now });
        return { result: { ids: rows.map((r) => r.id) }, recordIds: rows.map((r) => r.id) };
      });
    },
  }),
}));
