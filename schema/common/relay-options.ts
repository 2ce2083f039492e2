/**
 * The Relay plugin's options: cursor type and the descriptions of what it generates (page arguments,
 * PageInfo), and `node` / `nodes` reading through the access rules of ./node-access.ts. Every
 * connection field shares them, so an integrator reads the paging rules once.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { admitNode, decodeGlobalId, encodeGlobalId, type GlobalId } from "./node-access.ts";
import { MAX_PAGE_SIZE, pageSizeRefusal } from "./page-size-plugin.ts";

const PAGE_SIZE = `whole number 0…${MAX_PAGE_SIZE} (每页最多 ${MAX_PAGE_SIZE} 条; without first or last a page holds 20); beyond that the answer is BAD_USER_INPUT with reason PAGE_SIZE_OUT_OF_RANGE`;
const CURSOR =
  "an `edges.cursor` or `pageInfo` cursor from an earlier page of the same list, with the same filter; a cursor that does not decode is BAD_USER_INPUT with reason BAD_CURSOR";

export const relayOptions = {
  cursorType: "String",
  clientMutationId: "omit",
  firstArgOptions: { description: `前 N 条 — the first N entries after \`after\`: ${PAGE_SIZE}` },
  lastArgOptions: { description: `后 N 条 — the last N entries before \`before\`: ${PAGE_SIZE}` },
  afterArgOptions: { description: `游标之后 — entries after this cursor: ${CURSOR}` },
  beforeArgOptions: { description: `游标之前 — entries before this cursor: ${CURSOR}` },
  pageInfoTypeOptions: {
    description: "分页信息 — where this page sits in the list, and the cursors to ask for the next or previous one",
  },
  hasNextPageFieldOptions: { description: "有下一页 — more entries follow (paging forward with `first`)" },
  hasPreviousPageFieldOptions: { description: "有上一页 — entries come before (paging backward with `last`)" },
  startCursorFieldOptions: { description: "the cursor of this page's first entry; null on an empty page" },
  endCursorFieldOptions: {
    description: "the cursor of this page's last entry (pass it as `after` for the next page); null on an empty page",
  },
  cursorFieldOptions: { description: "游标 — opaque: pass it back as `after` or `before`; do not parse or store it" },
  nodeFieldOptions: { description: "the entry itself" },
  edgesFieldOptions: { description: "this page's entries, in the list's order" },
  pageInfoFieldOptions: { description: "分页信息 — cursors and whether more pages exist" },
  encodeGlobalID: encodeGlobalId,
  decodeGlobalID: decodeGlobalId,
  nodeTypeOptions: {
    description:
      "对象 — anything with an identity of its own (a record, an officer, a task …): its global `id` reads it again through `node(id:)`",
  },
  idFieldOptions: {
    description:
      "全局ID — Relay global id: opaque and stable; store it, pass it to `node(id:)` and to arguments that name this object. Do not parse it",
  },
  nodeQueryOptions: {
    description:
      "按全局ID读取 — the object with this global id, with the same rights as the field that lists it: FORBIDDEN where that field refuses the caller, null where it would not show the object (another jurisdiction's, or none). A string this API did not issue is BAD_USER_INPUT with reason BAD_GLOBAL_ID",
    args: { id: { description: "全局ID — an `id` this API returned" } },
    resolve: async (
      _root: unknown,
      { id }: { id: GlobalId },
      ctx: GatewayContext,
      _info: unknown,
      resolveNode: (id: GlobalId) => unknown,
    ) => ((await admitNode(ctx, id)) ? resolveNode(id) : null),
  },
  nodesQueryOptions: {
    description:
      "按全局ID批量读取 — `node` for each id, in the same order: null where that object is not visible to the caller, an error at its position where it is refused",
    args: { ids: { description: `全局ID — at most ${MAX_PAGE_SIZE} ids this API returned` } },
    resolve: async (
      _root: unknown,
      { ids }: { ids: GlobalId[] },
      ctx: GatewayContext,
      _info: unknown,
      resolveNodes: (ids: GlobalId[]) => Promise<unknown[]>,
    ) => {
      if (ids.length > MAX_PAGE_SIZE) throw pageSizeRefusal("ids");
      const verdicts = await Promise.all(ids.map((id) => verdictOf(ctx, id)));
      const nodes = await resolveNodes(ids);
      return nodes.map((node, index) => (verdicts[index] === true ? node : verdicts[index] || null));
    },
  },
} as const;

/** true, false, or the refusal for that position (a refused id does not fail its neighbours) */
async function verdictOf(ctx: GatewayContext, id: GlobalId): Promise<boolean | Error> {
  try {
    return await admitNode(ctx, id);
  } catch (error) {
    if ((error as { extensions?: { reason?: unknown } }).extensions?.reason === "BAD_GLOBAL_ID") throw error;
    return error as Error;
  }
}
