/**
 * The closed answers of the two public checks: why a draw does not recompute (verifyDraw, the checks of
 * docs/draw-verification.md in their order) and why a 执法码 is refused at a door (verifyInspection, the
 * first failure in the order rules/inspection-code.ts checks).
 */
import { builder } from "../builder.ts";
import type { DrawProblemCode, InspectionCodeRefusal } from "./rules/index.ts";

const DRAW_PROBLEM_CODES: Record<DrawProblemCode, { description: string }> = {
  INVALID_PARAMETERS: { description: "参数无效 — the published ratio, stratification or factors break the rules" },
  MALFORMED_SEED: { description: "种子格式错误 — the seed is not 64 lowercase hex characters" },
  SEED_MISMATCH: { description: "种子不符 — SHA-256 of the revealed seed is not the seedHash published at the commit" },
  INVALID_CANDIDATE_LIST: { description: "候选名单无效 — the frozen candidate list cannot be read or canonicalised" },
  CANDIDATE_LIST_MISMATCH: {
    description: "候选名单不符 — the frozen list no longer hashes to the candidateListHash published at the commit",
  },
  STRATUM_MISMATCH: {
    description: "分层不符 — a stratum's population, count or selection differs from the recomputed one",
  },
  SELECTION_MISMATCH: { description: "抽中名单不符 — the published selection is not the recomputed one" },
};

export const DrawProblemCodeEnum = builder.enumType("DrawProblemCode", {
  description: "抽取核验问题 — why a draw does not recompute from what was published, in the order checked",
  values: DRAW_PROBLEM_CODES,
});

const CODE_REFUSALS: Record<InspectionCodeRefusal, { description: string }> = {
  MALFORMED: { description: "格式错误 — not a compact JWS 执法码" },
  BAD_SIGNATURE: { description: "签名无效 — not signed by the committee's key: a forged or altered code" },
  WRONG_ENTERPRISE: { description: "企业不符 — a real code, but for another enterprise than the USCC given" },
  NOT_YET_VALID: { description: "未到检查期 — before the task's first visit day (Beijing)" },
  EXPIRED: { description: "已过期 — after the task's last visit day (Beijing)" },
  UNKNOWN_TASK: { description: "任务不存在 — signed, but the gateway knows no such task" },
  REVOKED: { description: "已吊销 — the code was revoked or the task cancelled" },
  COMPLETED: { description: "已完成 — the task is done: the visit is over" },
};

export const InspectionCodeRefusalEnum = builder.enumType("InspectionCodeRefusal", {
  description: "执法码核验不通过 — why a 执法码 does not admit the team at this door now (the first failure)",
  values: CODE_REFUSALS,
});
