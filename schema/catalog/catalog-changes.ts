/**
 * Changes to the shared catalog (issue 4 §1): each bumps the item's `version` and emits `item.changed`
 * in the same audited transaction, so both provinces' adapters learn of it from the change stream.
 * Inputs arrive validated (./catalog-inputs.ts).
 */
import type { GatewayContext } from "../../gateway/context.ts";
import type { EnforcementItem, LegalBasis, Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { badInput, conflict, notFound } from "../../gateway/errors.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import { writeAudited } from "../common/write.ts";
import type { ItemUpdate, NewLegalBasis } from "./catalog-inputs.ts";
import { itemByAnyCode } from "./queries.ts";

type Tx = Prisma.TransactionClient;

async function findItem(tx: Tx, code: string): Promise<EnforcementItem> {
  const item = await tx.enforcementItem.findFirst({ where: itemByAnyCode(code) });
  if (!item) throw notFound(`No enforcement item has the code ${code}`, { reason: "UNKNOWN_ITEM" });
  return item;
}

const itemChanged = (item: EnforcementItem, payload: Record<string, Prisma.InputJsonValue | null>): ChangeInput => ({
  kind: "item.changed",
  entityType: "item",
  entityId: item.code,
  originJurisdiction: null,
  payload: { code: item.code, version: item.version, ...payload },
});

/** Updates catalog fields; nothing changes (no version, no event) when every given value is the current one. */
export function updateItem(ctx: GatewayContext, code: string, update: ItemUpdate): Promise<EnforcementItem> {
  return writeAudited(ctx, async (tx) => {
    const item = await findItem(tx, code);
    const changed = (Object.keys(update) as Array<keyof ItemUpdate>).filter(
      (field) => String(update[field] ?? null) !== String(item[field] ?? null),
    );
    if (changed.length === 0) return { result: item, recordIds: [item.code] };
    const empoweredTo = update.empoweredTo === undefined ? item.empoweredTo : update.empoweredTo;
    if (empoweredTo !== null && empoweredTo < item.empoweredFrom) {
      throw badInput("empoweredTo is before the day the item was empowered", { reason: "EMPOWERED_TO_BEFORE_FROM" });
    }
    // "either code finds it": a catalog code must not be any other item's unified, Chongqing or Sichuan code
    for (const newCode of [update.cqCode, update.scCode].filter((c): c is string => c !== undefined)) {
      const holder = await tx.enforcementItem.findFirst({
        where: { AND: [itemByAnyCode(newCode), { code: { not: item.code } }] },
      });
      if (holder) throw conflict(`${newCode} is already a code of item ${holder.code}`, { reason: "CODE_IN_USE" });
    }
    const updated = await tx.enforcementItem.update({
      where: { code: item.code },
      data: { ...update, version: { increment: 1 } },
    });
    return { result: updated, recordIds: [item.code], changes: [itemChanged(updated, { changed })] };
  });
}

/**
 * Adds a legal-basis version. Nothing is closed automatically: the committee states each basis's own
 * effective range; the catalog never guesses when a previous law stopped applying.
 */
export function addLegalBasis(ctx: GatewayContext, itemCode: string, basis: NewLegalBasis): Promise<LegalBasis> {
  return writeAudited(ctx, async (tx) => {
    const item = await findItem(tx, itemCode);
    const last = await tx.legalBasis.findFirst({ where: { itemCode: item.code }, orderBy: { sortOrder: "desc" } });
    const created = await tx.legalBasis.create({
      data: { ...basis, itemCode: item.code, sortOrder: (last?.sortOrder ?? -1) + 1 },
    });
    const updated = await tx.enforcementItem.update({
      where: { code: item.code },
      data: { version: { increment: 1 } },
    });
    return {
      result: created,
      recordIds: [item.code, created.id],
      changes: [itemChanged(updated, { changed: ["legalBases"], legalBasisId: created.id })],
    };
  });
}
