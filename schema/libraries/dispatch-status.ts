/**
 * Officer status for dispatch (派单): `Officer.dispatchable` / `Officer.dispatchability` by the pure
 * rule ./rules/dispatchability.ts, and `expiringCertificates` — the certificates the committee must
 * renew soon (issue 5 §5).
 */
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { beijingDay } from "../common/effective-dates.ts";
import { type Dispatchability, dispatchability } from "./rules/dispatchability.ts";

const DAY_MS = 86_400_000;
const MAX_WITHIN_DAYS = 366;

const DispatchabilityRef = builder.objectRef<Dispatchability>("OfficerDispatchability").implement({
  description: "可派单 — whether an officer can be dispatched on a day for some domains, and why not",
  fields: (t) => ({
    dispatchable: t.exposeBoolean("dispatchable"),
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
    on: t.arg({ type: "Date", required: false, description: "the day of the dispatch (default: today, Beijing)" }),
    domains: t.arg.stringList({ required: false, description: "domain codes the task needs" }),
  };
  return {
    dispatchable: t.boolean({
      description: "valid certificate on the day, ACTIVE, and qualified for every domain asked",
      args,
      resolve: (o, a, ctx) => dispatchability(o, a.on ?? beijingDay(ctx.now), a.domains ?? []).dispatchable,
    }),
    dispatchability: t.field({
      type: DispatchabilityRef,
      args,
      resolve: (o, a, ctx) => dispatchability(o, a.on ?? beijingDay(ctx.now), a.domains ?? []),
    }),
  };
});

builder.queryFields((t) => ({
  expiringCertificates: t.prismaField({
    type: ["Officer"],
    description:
      "执法证即将到期 — officers (not retired) whose certificate is valid today and ends within the days given, soonest first (管委会)",
    authScopes: { $all: { issuer: "gz", scope: "read" } },
    args: {
      withinDays: t.arg.int({ required: false, defaultValue: 30 }),
      asOf: t.arg({ type: "Date", required: false, description: "default: today (Beijing)" }),
    },
    resolve: (query, _root, args, ctx) => {
      const within = args.withinDays ?? 30;
      if (within < 0 || within > MAX_WITHIN_DAYS) {
        throw badInput(`withinDays must be between 0 and ${MAX_WITHIN_DAYS}, got ${within}`, {
          reason: "WITHIN_DAYS_RANGE",
        });
      }
      const day = args.asOf ?? beijingDay(ctx.now);
      return ctx.prisma.officer.findMany({
        ...query,
        where: {
          status: { not: "RETIRED" },
          certificateValidFrom: { lte: day },
          certificateValidTo: { gte: day, lte: new Date(day.getTime() + within * DAY_MS) },
        },
        orderBy: [{ certificateValidTo: "asc" }, { certificateNumber: "asc" }],
      });
    },
  }),
}));
