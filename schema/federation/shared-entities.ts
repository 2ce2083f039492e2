/**
 * The shared subgraph's entities (docs/federation.md): the types other subgraphs may extend or point at,
 * each with the key it is known by across the federation. `resolveReference` loads every
 * representation of one `_entities` call in one query (reference-loader.ts), then applies the type's own
 * node rule (schema/common/node-access.ts) — the rule `node(id:)` applies — and returns the stored row,
 * so the type's fields mask personal data exactly as on every other path.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import { isJurisdiction } from "../common/jurisdiction.ts";
import { admitNode, keyOrNull } from "../common/node-access.ts";
import { InspectionTaskRef } from "../dispatch/types.ts";
import { EnterpriseRef, OfficerRef } from "../libraries/types.ts";
import { EnforcementRecordRef } from "../records/types.ts";
import { referenceLoader } from "./reference-loader.ts";

/**
 * The row when the type's node rule admits the caller to it; null when there is none or the rule hides it;
 * throws the rule's refusal (no token, no `read`) whether or not the row exists, so a refusal tells nothing.
 * `keyForRule` is what the rule is asked about when no row was found.
 */
async function admitted<Row extends { id: string }>(
  ctx: GatewayContext,
  typename: string,
  row: Row | null,
  keyForRule: string,
): Promise<Row | null> {
  const admit = await admitNode(ctx, { typename, id: row?.id ?? keyForRule });
  return admit && row ? row : null;
}

/** the enterprise(uscc:) query's spelling of a USCC */
const normalUscc = (uscc: string) => uscc.trim().toUpperCase();

const enterprises = referenceLoader(
  (ctx, usccs) => ctx.prisma.enterprise.findMany({ where: { uscc: { in: [...usccs] } } }),
  (row) => row.uscc,
);
builder.asEntity(EnterpriseRef, {
  key: builder.selection<{ uscc: string }>("uscc"),
  resolveReference: async ({ uscc }, ctx) =>
    admitted(ctx, "Enterprise", await enterprises(ctx, normalUscc(uscc)), uscc),
});

const officers = referenceLoader(
  (ctx, numbers) => ctx.prisma.officer.findMany({ where: { certificateNumber: { in: [...numbers] } } }),
  (row) => row.certificateNumber,
);
builder.asEntity(OfficerRef, {
  key: builder.selection<{ certificateNumber: string }>("certificateNumber"),
  resolveReference: async ({ certificateNumber }, ctx) =>
    admitted(ctx, "Officer", await officers(ctx, certificateNumber), certificateNumber),
});

/** (origin, originId) as one loader key; the origin as stored ("cq"), not as the enum spells it ("CQ") */
const recordKey = (origin: string, originId: string) => JSON.stringify([origin, originId]);
const records = referenceLoader(
  (ctx, keys) =>
    ctx.prisma.enforcementRecord.findMany({
      where: {
        OR: keys.map((key) => {
          const [originJurisdiction, originId] = JSON.parse(key) as [string, string];
          return { originJurisdiction, originId };
        }),
      },
    }),
  (row) => recordKey(row.originJurisdiction, row.originId),
);
builder.asEntity(EnforcementRecordRef, {
  key: builder.selection<{ origin: string; originId: string }>("origin originId"),
  resolveReference: async ({ origin, originId }, ctx) => {
    const stored = String(origin).toLowerCase();
    const row = isJurisdiction(stored) ? await records(ctx, recordKey(stored, originId)) : null;
    return admitted(ctx, "EnforcementRecord", row, originId);
  },
});

const tasks = referenceLoader(
  (ctx, ids) => ctx.prisma.inspectionTask.findMany({ where: { id: { in: [...ids] } } }),
  (row) => row.id,
);
builder.asEntity(InspectionTaskRef, {
  // the task's 全局ID, as every other reference to a task carries it
  key: builder.selection<{ id: string }>("id"),
  resolveReference: async ({ id }, ctx) => {
    const key = keyOrNull("InspectionTask", String(id));
    return key === null ? null : admitted(ctx, "InspectionTask", await tasks(ctx, key), key);
  },
});
