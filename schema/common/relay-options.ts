/**
 * The Relay plugin's options: cursor type and the descriptions of what it generates (page arguments,
 * PageInfo). Every connection field shares them, so an integrator reads the paging rules once.
 */
import { MAX_PAGE_SIZE } from "./page-size-plugin.ts";

const PAGE_SIZE = `whole number 0…${MAX_PAGE_SIZE} (每页最多 ${MAX_PAGE_SIZE} 条); beyond that the answer is BAD_USER_INPUT with reason PAGE_SIZE_OUT_OF_RANGE`;
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
} as const;
