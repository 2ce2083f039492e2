/** WriteOutcome and its counts as the API shows them (the rule: ./rules/write-outcome.ts). */
import { builder } from "../builder.ts";
import type { OutcomeCounts } from "./rules/write-outcome.ts";

export const WriteOutcomeEnum = builder.enumType("WriteOutcome", {
  description:
    "写入结果 — write outcome: what became of one versioned write (a record, an officer, an enterprise). Newest version wins (docs/sync.md); only APPLIED changes anything",
  values: {
    APPLIED: { description: "已写入 — applied: nothing was stored, or this version is newer than the stored one" },
    UNCHANGED: { description: "无变化 — unchanged: this version is already stored with this content (a replay)" },
    STALE: {
      description:
        "版本过旧 — stale: not newer than the stored version (a late delivery, or a reused number with other content: note VERSION_CONFLICT). Nothing changed; library writes are kept in history",
    },
    REFUSED: {
      description:
        "已拒绝 — refused: invalid or not allowed, nothing stored; `code` says why. A refused record is kept in the quarantine",
    },
  } as const,
});

export const OutcomeCountsRef = builder.objectRef<OutcomeCounts>("WriteOutcomeCounts").implement({
  description: "写入结果统计 — how many writes of the batch ended in each WriteOutcome; they add up to the batch",
  fields: (t) => ({
    applied: t.exposeInt("APPLIED", { description: "已写入 — APPLIED: stored" }),
    unchanged: t.exposeInt("UNCHANGED", { description: "无变化 — UNCHANGED: replays" }),
    stale: t.exposeInt("STALE", { description: "版本过旧 — STALE: not newer than the stored version" }),
    refused: t.exposeInt("REFUSED", { description: "已拒绝 — REFUSED: not stored (records: quarantined)" }),
  }),
});
