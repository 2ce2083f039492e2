/** `upsertOfficers` service: validates a batch of officers and writes it through runLibraryBatch. */
import type { GatewayContext } from "../../gateway/context.ts";
import type { Officer } from "../../gateway/db/generated/prisma/client.ts";
import {
  assertBatchSize,
  type BatchPayload,
  type LibraryKind,
  runLibraryBatch,
  type Validated,
} from "./library-batch.ts";
import { type OfficerInputValue, validateOfficerInput } from "./rules/officer-input.ts";
import { type OfficerState, type OfficerWrite, reconcileOfficer } from "./rules/reconcile-officer.ts";
import { isoDay } from "./rules/record-problem.ts";

/** "offi" in ASCII: the advisory-lock namespace of officer writers */
const OFFICER_LOCK = 0x6f666669;

const day = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));
const isoDayOrNull = (date: Date | null) => (date === null ? null : isoDay(date));

export function officerState(row: Officer): OfficerState {
  return {
    certificateNumber: row.certificateNumber,
    name: row.name,
    unit: row.unit,
    status: row.status,
    certificateValidFrom: isoDayOrNull(row.certificateValidFrom),
    certificateValidTo: isoDayOrNull(row.certificateValidTo),
    qualifiedDomains: [...row.qualifiedDomains].sort(),
    idNumber: row.idNumber,
    phone: row.phone,
    homeAddress: row.homeAddress,
    homeJurisdiction: row.homeJurisdiction,
    version: row.version,
  };
}

function officerData(state: OfficerState) {
  return {
    ...state,
    qualifiedDomains: [...state.qualifiedDomains],
    certificateValidFrom: day(state.certificateValidFrom),
    certificateValidTo: day(state.certificateValidTo),
  };
}

const officers: LibraryKind<OfficerWrite, OfficerState> = {
  entityType: "officer",
  lockNamespace: OFFICER_LOCK,
  async load(tx, keys) {
    const rows = await tx.officer.findMany({ where: { certificateNumber: { in: keys } } });
    return new Map(rows.map((row) => [row.certificateNumber, { id: row.id, state: officerState(row) }]));
  },
  reconcile: reconcileOfficer,
  async create(tx, states) {
    const rows = await tx.officer.createManyAndReturn({
      data: states.map(officerData),
      select: { id: true, certificateNumber: true },
    });
    return new Map(rows.map((row) => [row.certificateNumber, row.id]));
  },
  async update(tx, id, state) {
    await tx.officer.update({ where: { id }, data: officerData(state) });
  },
  originOf: (state) => state.homeJurisdiction,
  historyData: (write) => ({ ...write, qualifiedDomains: [...write.qualifiedDomains] }),
};

export async function upsertOfficers(ctx: GatewayContext, inputs: readonly OfficerInputValue[]): Promise<BatchPayload> {
  assertBatchSize(inputs.length);
  const domainCodes = new Set((await ctx.prisma.domain.findMany({ select: { code: true } })).map((d) => d.code));
  const records = inputs.map((input): Validated<OfficerWrite> => {
    const checked = validateOfficerInput(input, { now: ctx.now, domainCodes });
    const key = checked.ok ? checked.write.certificateNumber : input.certificateNumber.trim().toUpperCase();
    return checked.ok ? { key, ok: true, write: checked.write } : { key, ok: false, problems: checked.problems };
  });
  return runLibraryBatch(ctx, officers, records);
}
