/** `upsertEnterprises` service: validates a batch of enterprises and writes it through runLibraryBatch. */
import type { GatewayContext } from "../../gateway/context.ts";
import type { Enterprise } from "../../gateway/db/generated/prisma/client.ts";
import { beijingDay } from "../common/effective-dates.ts";
import { movingRegisterCounters } from "../supervision/visit-counters.ts";
import { lockVisitsOf } from "../supervision/visit-lock.ts";
import {
  assertBatchSize,
  type BatchPayload,
  type LibraryKind,
  runLibraryBatch,
  type Validated,
} from "./library-batch.ts";
import { type EnterpriseInputValue, validateEnterpriseInput } from "./rules/enterprise-input.ts";
import { type EnterpriseState, type EnterpriseWrite, reconcileEnterprise } from "./rules/reconcile-enterprise.ts";

/** "entr" in ASCII: the advisory-lock namespace of enterprise writers */
const ENTERPRISE_LOCK = 0x656e7472;

export function enterpriseState(row: Enterprise): EnterpriseState {
  const { id: _id, createdAt: _c, updatedAt: _u, ...state } = row;
  return state;
}

const enterprises: LibraryKind<EnterpriseWrite, EnterpriseState> = {
  entityType: "enterprise",
  lockNamespace: ENTERPRISE_LOCK,
  async load(tx, keys) {
    // the supervision counters of these enterprises' visits follow their grades and industry: their visits stay
    // still until the write commits (schema/supervision/visit-counters.ts)
    await lockVisitsOf(tx, keys);
    const rows = await tx.enterprise.findMany({ where: { uscc: { in: keys } } });
    return new Map(rows.map((row) => [row.uscc, { id: row.id, state: enterpriseState(row) }]));
  },
  reconcile: (stored, write, writer) => reconcileEnterprise(stored, write, writer),
  async create(tx, states) {
    const rows = await movingRegisterCounters(
      tx,
      states.map((state) => state.uscc),
      () => tx.enterprise.createManyAndReturn({ data: states, select: { id: true, uscc: true } }),
    );
    return new Map(rows.map((row) => [row.uscc, row.id]));
  },
  async update(tx, id, state) {
    await movingRegisterCounters(tx, [state.uscc], () => tx.enterprise.update({ where: { id }, data: state }));
  },
  originOf: (state) => state.registeringJurisdiction,
  historyData: (write) => ({ ...write }),
};

export async function upsertEnterprises(
  ctx: GatewayContext,
  inputs: readonly EnterpriseInputValue[],
): Promise<BatchPayload> {
  assertBatchSize(inputs.length);
  const divisions = new Map((await ctx.prisma.division.findMany()).map((d) => [d.code, d]));
  const rules = { day: beijingDay(ctx.now), divisions };
  const records = inputs.map((input): Validated<EnterpriseWrite> => {
    const checked = validateEnterpriseInput(input, rules);
    const key = input.uscc.trim().toUpperCase();
    return checked.ok ? { key, ok: true, write: checked.write } : { key, ok: false, problems: checked.problems };
  });
  return runLibraryBatch(ctx, enterprises, records);
}
