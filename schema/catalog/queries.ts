import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { beijingDay, inForceWhere } from "../common/effective-dates.ts";
import { ItemKindEnum } from "./types.ts";

/** Items empowered on `day` (empoweredFrom ≤ day ≤ empoweredTo). */
function empoweredOn(day: Date): Prisma.EnforcementItemWhereInput {
  return inForceWhere(day, "empoweredFrom", "empoweredTo");
}

/** Any of the three codes finds the item: unified, Chongqing catalog, Sichuan catalog. */
export function itemByAnyCode(code: string): Prisma.EnforcementItemWhereInput {
  return { OR: [{ code }, { cqCode: code }, { scCode: code }] };
}

builder.queryFields((t) => ({
  domains: t.prismaField({
    type: ["Domain"],
    description: "执法领域 — the 8 domains, in list order",
    authScopes: { scope: "read" },
    resolve: (query, _root, _args, ctx) => ctx.prisma.domain.findMany({ ...query, orderBy: { sortOrder: "asc" } }),
  }),

  items: t.prismaConnection({
    type: "EnforcementItem",
    cursor: "code",
    description: "执法事项 — the shared list, filtered; `asOf` (default today) keeps items empowered that day",
    authScopes: { scope: "read" },
    args: {
      domain: t.arg.string({ required: false, description: "domain code, e.g. EMERGENCY" }),
      kind: t.arg({ type: ItemKindEnum, required: false }),
      search: t.arg.string({ required: false, description: "text in the name or any of the three codes" }),
      asOf: t.arg({ type: "Date", required: false }),
    },
    totalCount: (_connection, args, ctx) => ctx.prisma.enforcementItem.count({ where: itemFilter(args, ctx.now) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.enforcementItem.findMany({ ...query, where: itemFilter(args, ctx.now), orderBy: { code: "asc" } }),
  }),

  item: t.prismaField({
    type: "EnforcementItem",
    nullable: true,
    description: "One item by its unified, Chongqing or Sichuan code, if empowered on `asOf` (default today)",
    authScopes: { scope: "read" },
    args: { code: t.arg.string({ required: true }), asOf: t.arg({ type: "Date", required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.enforcementItem.findFirst({
        ...query,
        where: { AND: [itemByAnyCode(args.code), empoweredOn(args.asOf ?? beijingDay(ctx.now))] },
      }),
  }),
}));

interface ItemFilterArgs {
  domain?: string | null;
  kind?: "PENALTY" | "INSPECTION" | "COERCION" | null;
  search?: string | null;
  asOf?: Date | null;
}

function itemFilter(args: ItemFilterArgs, now: Date): Prisma.EnforcementItemWhereInput {
  const and: Prisma.EnforcementItemWhereInput[] = [empoweredOn(args.asOf ?? beijingDay(now))];
  if (args.domain) and.push({ domainCode: args.domain });
  if (args.kind) and.push({ kind: args.kind });
  const search = args.search?.trim();
  if (search) {
    and.push({
      OR: [
        { name: { contains: search } },
        { code: { contains: search, mode: "insensitive" } },
        { cqCode: { contains: search, mode: "insensitive" } },
        { scCode: { contains: search, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}
