/**
 * Catalog reads. Which items match, and in what order, is decided on the catalog in memory
 * (./catalog-read-model.ts, ./rules/catalog-view.ts); the database is asked only for the relations a
 * query selects (domain, legal bases) of the items already chosen.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import type { EnforcementItem, Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { connectionTypes } from "../common/connection-types.ts";
import { beijingDay } from "../common/effective-dates.ts";
import { filterItems, findItemByAnyCode, type ItemPage, pageOf } from "./rules/catalog-view.ts";
import { ItemKindEnum } from "./types.ts";

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

  items: t.prismaConnection(
    {
      type: "EnforcementItem",
      cursor: "code",
      description: "执法事项 — the shared list, filtered; `asOf` (default today) keeps items empowered that day",
      authScopes: { scope: "read" },
      args: {
        domain: t.arg.string({ required: false, description: "domain code, e.g. EMERGENCY" }),
        kind: t.arg({ type: ItemKindEnum, required: false, description: "事项类型 — items of this kind" }),
        search: t.arg.string({ required: false, description: "text in the name or any of the three codes" }),
        asOf: t.arg({
          type: "Date",
          required: false,
          description:
            "截至日 — the items empowered on this day (both ends of a period count); default today, Beijing time",
        }),
      },
      totalCount: async (_connection, args, ctx) => (await matchingItems(ctx, args)).matching.length,
      resolve: async ({ take, skip, cursor, ...selection }, _root, args, ctx) => {
        const { all, matching } = await matchingItems(ctx, args);
        return withRelations(ctx, selection, pageOf(all, matching, { take, skip, cursor } as ItemPage));
      },
    },
    ...connectionTypes("EnforcementItem", "执法事项 — an enforcement item"),
  ),

  item: t.prismaField({
    type: "EnforcementItem",
    nullable: true,
    description: "One item by its unified, Chongqing or Sichuan code, if empowered on `asOf` (default today)",
    authScopes: { scope: "read" },
    args: {
      code: t.arg.string({ required: true, description: "统一编码, 重庆 or 四川 code of the item" }),
      asOf: t.arg({
        type: "Date",
        required: false,
        description: "截至日 — empowered on this day (default today, Beijing time)",
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { items } = await ctx.services.catalog.snapshot();
      const found = findItemByAnyCode(items, args.code, args.asOf ?? beijingDay(ctx.now));
      return found && ((await withRelations(ctx, query, [found]))[0] ?? null);
    },
  }),
}));

interface ItemFilterArgs {
  domain?: string | null;
  kind?: "PENALTY" | "INSPECTION" | "COERCION" | null;
  search?: string | null;
  asOf?: Date | null;
}

async function matchingItems(ctx: GatewayContext, args: ItemFilterArgs) {
  const { items } = await ctx.services.catalog.snapshot();
  return { all: items, matching: filterItems(items, { ...args, day: args.asOf ?? beijingDay(ctx.now) }) };
}

/**
 * The rows as they are when the query selects no relation (Pothos then asks for neither `include` nor
 * `select`); otherwise the same items read again with the relations selected, in the same order.
 */
async function withRelations(
  ctx: GatewayContext,
  selection: { include?: unknown; select?: unknown },
  rows: EnforcementItem[],
): Promise<EnforcementItem[]> {
  if (rows.length === 0 || (selection.include === undefined && selection.select === undefined)) return rows;
  const loaded = await ctx.prisma.enforcementItem.findMany({
    ...(selection as Prisma.EnforcementItemFindManyArgs),
    where: { code: { in: rows.map((row) => row.code) } },
  });
  const byCode = new Map(loaded.map((row) => [row.code, row]));
  return rows.flatMap((row) => byCode.get(row.code) ?? []);
}
