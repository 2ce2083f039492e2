/**
 * `ingestRecords` — an adapter pushes a batch of its province's records with its source cursor; both
 * are stored in ONE transaction (records, quarantine rows, cursor, change events, audit entry), so a
 * restarted adapter resumes from the stored cursor and a replayed batch changes nothing. A batch sent with
 * `follows` is stored only on top of the cursor it names (the adapter's next batch, sent before the last one
 * is answered: adapters/core/inbound-sync.ts).
 */

import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { encodeGlobalId } from "../common/node-access.ts";
import { writeAudited } from "../common/write.ts";
import { adapterName, touchCheckpoint } from "../sync/checkpoints.ts";
import { countOutcomes } from "../sync/rules/write-outcome.ts";
import { OutcomeCountsRef, WriteOutcomeEnum } from "../sync/write-outcome.ts";
import { ingestInTransaction, type RecordResult } from "./ingest-service.ts";
import { recordsOfBatch } from "./record-batch.ts";
import { RecordInputRef } from "./types.ts";

/** One request stays well inside the transaction timeout and the body size a proxy accepts. */
export const MAX_BATCH = 2000;

export const RecordResultRef = builder.objectRef<RecordResult>("RecordIngestResult").implement({
  description: "推送结果 — what became of one pushed record",
  fields: (t) => ({
    originId: t.exposeString("originId", { description: "the record's id on its platform, as sent" }),
    version: t.exposeInt("version", { description: "the version sent" }),
    outcome: t.field({
      type: WriteOutcomeEnum,
      description: "写入结果 — APPLIED, UNCHANGED, STALE, or REFUSED (kept in the quarantine: `quarantineId`)",
      resolve: (r) => r.outcome,
    }),
    code: t.exposeString("code", {
      nullable: true,
      description:
        "REFUSED: the quarantine code (UNKNOWN_ITEM, BAD_USCC…); otherwise a note (VERSION_CONFLICT, NOT_ASSESSED, TASK_NOT_ANSWERED) or null",
    }),
    message: t.exposeString("message", { nullable: true, description: "the code explained, in English" }),
    recordId: t.id({
      nullable: true,
      description: "记录 — 全局ID of the stored record (its `id`); null when refused",
      resolve: (r) => r.recordId && encodeGlobalId("EnforcementRecord", r.recordId),
    }),
    quarantineId: t.id({
      nullable: true,
      description: "隔离记录 — 全局ID of the quarantined record (its `id`, for replayQuarantined); null unless REFUSED",
      resolve: (r) => r.quarantineId && encodeGlobalId("QuarantinedRecord", r.quarantineId),
    }),
  }),
});

interface IngestPayload {
  results: RecordResult[];
  cursor: string | null;
}

const IngestPayloadRef = builder.objectRef<IngestPayload>("IngestRecordsPayload").implement({
  description: "推送结果 — the batch as stored, with the source cursor stored in the same transaction",
  fields: (t) => ({
    counts: t.field({
      type: OutcomeCountsRef,
      description: "how many records ended in each outcome",
      resolve: (p) => countOutcomes(p.results),
    }),
    cursor: t.exposeString("cursor", { nullable: true, description: "the source cursor now stored: resume from it" }),
    results: t.field({
      type: [RecordResultRef],
      description: "one per input record, in input order",
      resolve: (p) => p.results,
    }),
  }),
});

const IngestInputRef = builder.inputType("IngestRecordsInput", {
  description: "推送执法记录 — one batch of the caller's own records with the source cursor after it",
  fields: (t) => ({
    source: t.string({ required: true, description: 'the adapter\'s name for this feed, e.g. "platform"' }),
    cursor: t.string({
      required: false,
      description: "the source position AFTER this batch, stored with it; omitted: the stored cursor is kept",
    }),
    follows: t.string({
      required: false,
      description:
        "the stored cursor this batch comes after: the batch is stored only on top of it, or of its own `cursor` (sent again after a lost answer: changes nothing); CONFLICT CURSOR_MOVED otherwise, nothing stored. Lets an adapter send the next batch before the last one is answered; omitted: stored whatever the stored cursor is",
    }),
    sourceTime: t.field({
      type: "DateTime",
      required: false,
      description: "time of the newest source change in the batch",
    }),
    sourceBacklog: t.int({
      required: false,
      description: "changes still waiting on the source after this batch (0: caught up)",
    }),
    records: t.field({
      type: [RecordInputRef],
      required: false,
      description: `at most ${MAX_BATCH}; or send them as \`batch\` (one of the two)`,
    }),
    batch: t.field({
      type: "RecordBatch",
      required: false,
      description: `the same records as ONE JSON array (at most ${MAX_BATCH}), coerced record by record: a misshapen entry is quarantined as INVALID_SHAPE, the rest stored. Cheaper for the gateway than \`records\` for large batches; one of the two`,
    }),
  }),
});

builder.mutationFields((t) => ({
  ingestRecords: t.withAuth({ scope: "records:write" }).field({
    type: IngestPayloadRef,
    description:
      "推送执法记录 — store a batch of the caller's own records with the source cursor in one transaction (newest version wins; invalid records quarantined)",
    // records:write lies only within the ceilings of cq and sc (gateway/auth/scopes.ts)
    args: { input: t.arg({ type: IngestInputRef, required: true, description: "the batch and its cursor" }) },
    resolve: async (_root, { input }, ctx, info) => {
      const origin = ctx.caller.issuer;
      const source = adapterName(input.source);
      if ((input.records == null) === (input.batch == null)) {
        throw badInput("Send the batch's records either as `records` or as `batch`: exactly one of the two", {
          reason: "RECORDS_OR_BATCH",
        });
      }
      const sent = input.records ?? input.batch ?? [];
      if (sent.length > MAX_BATCH) {
        throw badInput(`A batch holds at most ${MAX_BATCH} records; split this one of ${sent.length}`, {
          reason: "BATCH_TOO_LARGE",
        });
      }
      const records = input.records ?? recordsOfBatch(info.schema, sent);
      if (input.sourceBacklog != null && input.sourceBacklog < 0) {
        throw badInput("sourceBacklog cannot be negative", { reason: "BAD_BACKLOG" });
      }
      // taken outside the transaction (it may read the database itself); checked for currency inside it
      const catalog = await ctx.services.catalog.snapshot();
      const payload = await writeAudited<IngestPayload>(ctx, async (tx) => {
        const outcome = await ingestInTransaction(tx, {
          origin,
          source,
          records,
          now: ctx.now,
          catalog,
          ...(input.follows != null && { follows: { follows: input.follows, cursor: input.cursor ?? null } }),
        });
        const checkpoint = await touchCheckpoint(tx, {
          issuer: origin,
          name: source,
          direction: "inbound",
          now: ctx.now,
          cursor: input.cursor,
          sourceTime: input.sourceTime,
          sourceBacklog: input.sourceBacklog,
          lastError: null,
        });
        return {
          result: { results: outcome.results, cursor: checkpoint.cursor },
          recordIds: outcome.recordIds,
          changes: outcome.changes,
        };
      });
      ctx.services.metrics.countIngest(origin, payload.results);
      return payload;
    },
  }),
}));
