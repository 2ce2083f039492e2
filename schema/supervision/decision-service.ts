/**
 * A province pushes one penalty decision (行政处罚决定) directly: the EnforcementRecord is upserted
 * (unique origin + originId; the newest version wins, an older or equal version changes nothing) and
 * measured against its benchmark (./warning-service.ts), in one audited transaction.
 * The origin is always the caller's issuer — never taken from the input.
 */
import { randomUUID } from "node:crypto";
import type { GatewayContext } from "../../gateway/context.ts";
import type { EnforcementRecord } from "../../gateway/db/generated/prisma/client.ts";
import { conflict, fromPrismaError } from "../../gateway/errors.ts";
import { discretionInputError } from "../benchmarks/discretion-service.ts";
import type { CaseFactsInput } from "../benchmarks/rules/types.ts";
import { itemByAnyCode } from "../catalog/queries.ts";
import { writeAudited } from "../common/write.ts";
import { recordUpserted, writeRecordRows } from "../records/ingest-service.ts";
import type { RecordRow, StoredDocument } from "../records/rules/record-document.ts";
import { refreshSupervisionDecisionDays } from "./decision-rollup.ts";
import { assessPenaltyDecisions } from "./service.ts";

export interface PenaltyDecisionPush {
  originId: string;
  version: number;
  /** unified, Chongqing or Sichuan code; stored as the unified code when known */
  itemCode: string;
  occurredAt: Date;
  decidedAt: Date;
  fineFen: bigint | null;
  lenientApplied: boolean | null;
  enterpriseUscc: string | null;
  officerCertificates: string[];
  result: string | null;
  /** null: the decision came without facts */
  facts: CaseFactsInput | null;
}

export interface PushOutcome {
  record: EnforcementRecord;
  /** false: the gateway already held this or a newer version; nothing changed */
  applied: boolean;
}

export async function reportPenaltyDecision(
  ctx: GatewayContext,
  origin: string,
  push: PenaltyDecisionPush,
): Promise<PushOutcome> {
  try {
    return await writeAudited<PushOutcome>(ctx, async (tx) => {
      const key = { originJurisdiction: origin, originId: push.originId };
      const existing = await tx.enforcementRecord.findUnique({ where: { originJurisdiction_originId: key } });
      if (existing && existing.kind !== "PENALTY_DECISION") {
        throw conflict(`${origin} record ${push.originId} is an ${existing.kind} record, not a penalty decision`, {
          reason: "RECORD_KIND_MISMATCH",
        });
      }
      if (existing && existing.version >= push.version) {
        return { result: { record: existing, applied: false }, recordIds: [existing.id] };
      }
      const item = await tx.enforcementItem.findFirst({ where: itemByAnyCode(push.itemCode), select: { code: true } });
      // the same row and change event as ingestRecords writes (schema/records)
      const row = recordRow(existing?.id ?? randomUUID(), origin, push, item?.code ?? push.itemCode);
      const decisionDays = await writeRecordRows(tx, [row], new Set(existing ? [row.originId] : []));
      const record = await tx.enforcementRecord.findUniqueOrThrow({ where: { id: row.id } });
      const warningChanges = await assessPenaltyDecisions(
        tx,
        [
          {
            recordId: record.id,
            recordVersion: record.version,
            originJurisdiction: origin,
            originId: record.originId,
            itemCode: record.itemCode,
            actDate: push.occurredAt,
            decisionDate: push.decidedAt,
            fineFen: push.fineFen,
            ...(push.lenientApplied === null ? {} : { lenientApplied: push.lenientApplied }),
            ...(push.facts === null ? {} : { facts: push.facts }),
          },
        ],
        ctx.now,
      );
      // the decision rollup once the decision's warnings are written (decision-rollup.ts)
      await refreshSupervisionDecisionDays(tx, decisionDays);
      return {
        result: { record, applied: true },
        recordIds: [record.id],
        changes: [recordUpserted(row), ...warningChanges],
      };
    });
  } catch (error) {
    // a refused match rolls the record back too; two pushes racing on a new record → CONFLICT (retry)
    throw discretionInputError(error) ?? fromPrismaError(error) ?? error;
  }
}

function recordRow(id: string, origin: string, push: PenaltyDecisionPush, itemCode: string): RecordRow {
  const document: StoredDocument = {
    findings: null,
    taskId: null,
    extra: {
      ...(push.lenientApplied !== null && { lenientApplied: push.lenientApplied }),
      ...(push.facts !== null && { facts: push.facts }),
    },
  };
  return {
    id,
    kind: "PENALTY_DECISION",
    originJurisdiction: origin,
    originId: push.originId,
    version: push.version,
    itemCode,
    enterpriseUscc: push.enterpriseUscc,
    officerCertificates: push.officerCertificates,
    occurredAt: push.occurredAt,
    decidedAt: push.decidedAt,
    fineFen: push.fineFen,
    result: push.result,
    payload: document,
    department: null,
    inspectionMode: null,
    onSite: null,
    resultPublishedAt: null,
    codeScanned: null,
    lenientKind: null,
  };
}
