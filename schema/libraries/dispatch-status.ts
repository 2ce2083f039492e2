/**
 * Officer status for dispatch (派单): `Officer.dispatchable` / `Officer.dispatchability` by the pure
 * rule ./rules/dispatchability.ts, and `expiringCertificates` — the certificates the committee must
 * renew soon (issue 5 §5).
 */
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { sharedConnection } from "../common/connection-types.ts";
import { beijingDay } from "../common/effective-dates.ts";
import { type Dispatchability, dispatchability } from "./rules/dispatchability.ts";

const DAY_MS = 86_400_000;
const MAX_WITHIN_DAYS = 366;

const DispatchabilityRef = builder.objectRef<Dispatchability>("OfficerDispatchability").implement({
  description: "可派单 — whether an officer can be dispatched on a day for some domains, and why not",
  fields: (t) => ({
    dispatchable: t.exposeBoolean("dispatchable", { description: "可派单 — true when no reason below applies" }),
    reasons: t.stringList({
      description: "why not, one line per reason: CODE: explanation (empty when dispatchable)",
      resolve: (d) => d.reasons.map((r) => `${r.code}: ${r.message}`),
    }),
    reasonCodes: t.stringList({
      description: "CERTIFICATE_NOT_YET_VALID | CERTIFICATE_EXPIRED | NOT_ACTIVE | NOT_QUALIFIED",
      resolve: (d) => d.reasons.map((r) => r.code),
    }),
  }),
});

builder.prismaObjectFields("Officer", (t) => {
  const args = {
    asOf: t.arg({
      type: "Date",
      required: false,
      description: "截至日 — the day of the dispatch (default: today, Beijing time)",
    }),
    domains: t.arg.stringList({ required: false, description: "domain codes the task needs" }),
  };
  return {
    dispatchable: t.boolean({
      description: "valid certificate on the day, ACTIVE, and qualified for every domain asked",
      args,
      resolve: (o, a, ctx) => dispatchability(o, a.asOf ?? beijingDay(ctx.now), a.domains ?? []).dispatchable,
    }),
    dispatchability: t.field({
      type: DispatchabilityRef,
      description: "可派单 — whether the officer can be dispatched on `asOf` for the domains given, and why not",
      args,
      resolve: (o, a, ctx) => dispatchability(o, a.asOf ?? beijingDay(ctx.now), a.domains ?? []),
    }),
  };
});

builder.queryFields((t) => ({
  expiringCertificates: t.prismaConnection(
    {
      type: "Officer",
      cursor: "id",
      description:
        "执法证即将到期 — officers (not retired) whose certificate is valid on `asOf` and ends within `withinDays` days after it (both days included), soonest first (管委会)",
      authScopes: { $all: { issuer: "gz", scope: "read" } },
      args: {
        withinDays: t.arg.int({
          required: false,
          defaultValue: 30,
          description: `天数 — the last day of validity falls on asOf … asOf + withinDays (inclusive), 0…${MAX_WITHIN_DAYS}`,
        }),
        asOf: t.arg({
          type: "Date",
          required: false,
          description: "截至日 — the day counted from (default: today, Beijing time)",
        }),
      },
      totalCount: (_c, args, ctx) => ctx.prisma.officer.count({ where: expiringWhere(args, ctx.now) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.officer.findMany({
          ...query,
          where: expiringWhere(args, ctx.now),
          orderBy: [{ certificateValidTo: "asc" }, { certificateNumber: "asc" }],
        }),
    },
    sharedConnection("Officer", "执法人员 — an officer"),
  ),
}));

/** officers whose certificate is valid on the day and ends within `withinDays` after it (both ends inclusive) */
function expiringWhere(args: { withinDays?: number | null; asOf?: Date | null }, now: Date) {
  const within = args.withinDays ?? 30;
  if (within < 0 || within > MAX_WITHIN_DAYS) {
    throw badInput(`withinDays must be between 0 and ${MAX_WITHIN_DAYS}, got ${within}`, {
      reason: "WITHIN_DAYS_RANGE",
    });
  }
  const day = args.asOf ?? beijingDay(now);
  return {
    status: { not: "RETIRED" as const },
    certificateValidFrom: { lte: day },
    certificateValidTo: { gte: day, lte: new Date(day.getTime() + within * DAY_MS) },
  };
}
