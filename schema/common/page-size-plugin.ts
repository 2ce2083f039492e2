/**
 * Every connection field (a field with Relay's `first` / `last` / `after` / `before`) refuses a page size
 * outside 0…MAX_PAGE_SIZE with a stable code, before it reads anything. Pothos would clamp a too-large
 * `first` silently and throw an uncoded error for a negative one; an integrator should learn the limit
 * from the answer instead. Cursors that do not decode are mapped in one place too
 * (gateway/plugins/use-error-codes.ts).
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { badInput } from "../../gateway/errors.ts";

/** the largest page any connection answers */
export const MAX_PAGE_SIZE = 100;

const PAGE_ARGS = ["first", "last", "after", "before"] as const;

/** the refusal of a page (or id list, `nodes(ids:)`) larger than MAX_PAGE_SIZE */
export const pageSizeRefusal = (name: string) =>
  badInput(`${name} must be a whole number from 0 to ${MAX_PAGE_SIZE} (每页最多 ${MAX_PAGE_SIZE} 条)`, {
    reason: "PAGE_SIZE_OUT_OF_RANGE",
    max: MAX_PAGE_SIZE,
  });

export function checkPageSize(args: { first?: unknown; last?: unknown }): void {
  for (const name of ["first", "last"] as const) {
    const size = args[name];
    if (size === null || size === undefined) continue;
    if (typeof size !== "number" || !Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
      throw pageSizeRefusal(name);
    }
  }
}

export class PothosPageSizePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (!PAGE_ARGS.every((name) => name in fieldConfig.args)) return resolver;
    return (parent, args, context, info) => {
      checkPageSize(args as { first?: unknown; last?: unknown });
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      pageSize: PothosPageSizePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("pageSize", PothosPageSizePlugin);
export const PageSizePlugin = "pageSize" as const;
