/**
 * 错误目录 — the error catalogue: every `extensions.code` and every `extensions.reason` the gateway can
 * answer, in one place. gateway/errors.ts takes each code's HTTP status from here, the throwers name their
 * reason by a key of REASONS (a typo or a new reason fails `tsc`), `npm run docs:errors` prints
 * docs/errors.md from it, and test/gateway/error-catalogue.test.ts fails when the document is stale or a
 * reason thrown anywhere in gateway/ or schema/ is missing here.
 *
 * Adding a refusal: add its reason (and, rarely, its code) below, run `npm run docs:errors`, commit both.
 */
import type { AuthFailureReason } from "./auth/auth-error.ts";

export interface CodeEntry {
  /** the HTTP status of a response whose errors all carry this code */
  status: number;
  /** 中文 term */
  zh: string;
  /** English meaning */
  en: string;
  /** when the gateway answers it */
  when: string;
  /** what the caller should do */
  action: string;
}

/** Codes in the order an integrator meets them: the request, the caller, the input, the state, the gateway. */
export const CODES = {
  BAD_REQUEST: {
    status: 400,
    zh: "请求格式错误",
    en: "Malformed HTTP request",
    when: "The HTTP request itself cannot be read: a bad Content-Length, an empty batch, bytes Node's parser refuses.",
    action: "Fix the client; do not retry the same bytes.",
  },
  NOT_ACCEPTABLE: {
    status: 406,
    zh: "无可接受的响应类型",
    en: "No acceptable media type",
    when: "`Accept` names none of application/graphql-response+json or application/json.",
    action: "Send `Accept: application/graphql-response+json`.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: "不支持的请求类型",
    en: "Unsupported media type",
    when: "A POST whose body is not `Content-Type: application/json` (UTF-8).",
    action: "Send the operation as JSON with `Content-Type: application/json`.",
  },
  REQUEST_ENTITY_TOO_LARGE: {
    status: 413,
    zh: "请求体过大",
    en: "Request body too large",
    when: "The body is larger than the configured limit (docs/limits.md).",
    action: "Split the batch; send fewer records per request.",
  },
  REQUEST_HEADER_FIELDS_TOO_LARGE: {
    status: 431,
    zh: "请求头过大",
    en: "Request headers too large",
    when: "The headers exceed 16 KiB in all (a token is at most 8 KiB).",
    action: "Send a shorter token; drop unneeded headers.",
  },
  REQUEST_TIMEOUT: {
    status: 408,
    zh: "请求超时",
    en: "Request timeout",
    when: "The client took too long to send the request.",
    action: "Retry on a healthy connection.",
  },
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    zh: "查询语法错误",
    en: "GraphQL syntax error",
    when: "The document is not GraphQL, or has more tokens than allowed (docs/limits.md).",
    action: "Fix the document against schema.graphql.",
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    zh: "找不到要执行的操作",
    en: "Operation not found in the document",
    when: "`operationName` names no operation of the document, or the document holds several operations and no `operationName` was sent (graphql-yoga's code).",
    action: "Send the name of one of the document's operations as `operationName`.",
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    zh: "查询校验失败",
    en: "GraphQL validation failed",
    when: "The document does not fit schema.graphql, or is too deep, too costly or has too many aliases.",
    action: "Fix the document; ask for less per request.",
  },
  UNAUTHENTICATED: {
    status: 401,
    zh: "未认证",
    en: "Not authenticated",
    when: "No token, or a token (or its DPoP proof) the gateway refuses; `reason` says why, `WWW-Authenticate` too.",
    action: "Mint a fresh token from your issuer (and a fresh DPoP proof); see the reason.",
  },
  FORBIDDEN: {
    status: 403,
    zh: "无权限",
    en: "Forbidden",
    when: "The token is good but its issuer or scopes do not allow this field or this record.",
    action: "Ask for the scope, or let the jurisdiction that owns the record do it.",
  },
  BAD_USER_INPUT: {
    status: 400,
    zh: "输入有误",
    en: "Bad input",
    when: "An argument or input field breaks a rule; `reason` names the rule, `field` the path when known.",
    action: "Correct the input; retrying it unchanged fails again.",
  },
  NOT_FOUND: {
    status: 404,
    zh: "记录不存在",
    en: "Not found",
    when: "The record named does not exist, or is not visible to this caller.",
    action: "Check the key; query the list to find it.",
  },
  CONFLICT: {
    status: 409,
    zh: "状态冲突",
    en: "Conflict",
    when: "The record's current state does not allow this change (already done, taken, or not open).",
    action: "Read the record again and decide from its current state.",
  },
  RATE_LIMITED: {
    status: 429,
    zh: "请求过于频繁",
    en: "Rate limited",
    when: "The public endpoints' per-address limit is spent.",
    action: "Wait and retry with backoff.",
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    zh: "网关内部错误",
    en: "Internal error",
    when: "An unexpected failure; its message is masked outside development.",
    action: "Retry later; report it with the response's request id.",
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    zh: "服务暂不可用",
    en: "Service unavailable",
    when: "A dependency the request needs (e.g. the replay store) is down; nothing was written.",
    action: "Retry later with backoff; the same request may succeed.",
  },
  SUBGRAPH_UNAVAILABLE: {
    status: 200,
    zh: "子图不可用",
    en: "Subgraph unavailable",
    when: "A province's subgraph (docs/federation.md) did not answer in time, could not be reached, refused the gateway or failed; `subgraph` names it. The rest of the answer is complete: the fields it serves are null.",
    action:
      "Use the partial answer; retry later for the missing part. /healthz/federation says which subgraph is down.",
  },
  NO_SIGNING_KEY: {
    status: 503,
    zh: "无签名密钥",
    en: "No signing key",
    when: "This gateway holds no committee (gz) key to sign 执法码 (inspection codes).",
    action: "Retry later; operators must install the gz signing key.",
  },
} as const satisfies Record<string, CodeEntry>;

export type ErrorCode = keyof typeof CODES;

export interface ReasonEntry {
  /** the code(s) this reason travels with */
  codes: readonly ErrorCode[];
  /** 中文 term */
  zh: string;
  /** when the gateway answers it, in English */
  when: string;
  /** what the caller should do; omitted where the code's action says it all */
  action?: string;
}

/** a reason of one code, its `codes` kept literal so ReasonOf can tell the codes apart */
type ReasonOfCode<C extends ErrorCode> = Omit<ReasonEntry, "codes"> & { codes: readonly [C] };

const input = (zh: string, when: string, action?: string): ReasonOfCode<"BAD_USER_INPUT"> => ({
  codes: ["BAD_USER_INPUT"],
  zh,
  when,
  action,
});

/** Why a token was refused (gateway/auth/auth-error.ts lists them; `tsc` requires an entry for each). */
const AUTH_REASONS: Record<AuthFailureReason, Omit<ReasonEntry, "codes">> = {
  MISSING_TOKEN: { zh: "缺少令牌", when: "No `Authorization` header, or an empty token." },
  MALFORMED_TOKEN: { zh: "令牌格式错误", when: "Not `Bearer <JWS>`/`DPoP <JWS>`, or a claim of the wrong type." },
  UNSUPPORTED_ALGORITHM: {
    zh: "签名算法不被接受",
    when: "`alg` none, HS*, or an algorithm not pinned for the token's issuer.",
  },
  UNKNOWN_ISSUER: { zh: "未知签发方", when: "`iss` is not a trusted issuer (cq, sc, gz)." },
  UNKNOWN_KEY: { zh: "未知密钥", when: "The `kid` is in no trusted JWKS (e.g. a retired key)." },
  BAD_SIGNATURE: { zh: "签名无效", when: "Not signed by any of the issuer's keys, or a tampered payload." },
  TOKEN_EXPIRED: { zh: "令牌已过期", when: "`exp` is past.", action: "Mint a new token." },
  TOKEN_NOT_YET_VALID: {
    zh: "令牌尚未生效",
    when: "`nbf` or `iat` later than now plus the clock tolerance.",
    action: "Fix the issuer's clock.",
  },
  WRONG_AUDIENCE: { zh: "受众不符", when: "`aud` is absent or not this gateway." },
  MISSING_JTI: { zh: "缺少令牌编号", when: 'The token has no "jti".' },
  TOKEN_REPLAYED: {
    zh: "令牌重放",
    when: "A mutation with a `jti` already used.",
    action: "Mint a new token per mutation.",
  },
  MISSING_CLAIM: { zh: "缺少声明", when: "`sub`, `iat` or `exp` absent." },
  TOKEN_LIFETIME_TOO_LONG: {
    zh: "令牌有效期过长",
    when: "`exp − iat` longer than the issuer's cap (JWT_MAX_LIFETIME_SECONDS_<ISSUER>).",
  },
  REQUEST_MISMATCH: {
    zh: "令牌与请求不符",
    when: "At a province's subgraph: the gateway's token was minted for another query or other variables (docs/federation.md).",
  },
  DPOP_BOUND_TOKEN_AS_BEARER: {
    zh: "绑定令牌被当作持有者令牌",
    when: "A token carrying `cnf` sent as `Bearer`.",
    action: "Send it as `DPoP` with its proof.",
  },
  DPOP_TOKEN_NOT_BOUND: {
    zh: "令牌未绑定",
    when: "`Authorization: DPoP` with a token without `cnf.jkt`.",
    action: "Send it as `Bearer`.",
  },
  DPOP_PROOF_MISSING: { zh: "缺少 DPoP 证明", when: "`Authorization: DPoP` without a `DPoP` header." },
  DPOP_PROOF_INVALID: { zh: "DPoP 证明无效", when: "The proof is not a well-formed ES256/EdDSA dpop+jwt." },
  DPOP_BINDING_MISMATCH: { zh: "DPoP 密钥不符", when: "The proof's key is not the one `cnf.jkt` names." },
  DPOP_HTM_MISMATCH: { zh: "DPoP 方法不符", when: "`htm` is not this request's method." },
  DPOP_HTU_MISMATCH: { zh: "DPoP 地址不符", when: "`htu` is not this request's URL (without query)." },
  DPOP_PROOF_IAT_OUT_OF_WINDOW: { zh: "DPoP 证明时间超窗", when: "`iat` too far from the gateway's clock." },
  DPOP_ATH_MISMATCH: { zh: "DPoP 令牌摘要不符", when: "`ath` is not the SHA-256 of the token sent." },
  DPOP_PROOF_REPLAYED: {
    zh: "DPoP 证明重放",
    when: "The proof's `jti` was already used.",
    action: "Sign a new proof per request.",
  },
};

const authReasons = Object.fromEntries(
  Object.entries(AUTH_REASONS).map(([reason, entry]) => [reason, { codes: ["UNAUTHENTICATED"], ...entry }]),
) as unknown as Record<AuthFailureReason, ReasonOfCode<"UNAUTHENTICATED">>;

/** Every `extensions.reason`, grouped by the code it travels with. */
export const REASONS = {
  // BAD_REQUEST
  EMPTY_BATCH: { codes: ["BAD_REQUEST"], zh: "空批量请求", when: "A JSON array of no operations." },
  PARAMETER_NOT_JSON: {
    codes: ["BAD_REQUEST"],
    zh: "GET 参数不是 JSON",
    when: "A GET request's `variables` or `extensions` parameter that is not JSON text.",
  },
  // UNAUTHENTICATED
  ...authReasons,
  // FORBIDDEN
  NOT_ON_TEAM: {
    codes: ["FORBIDDEN"],
    zh: "不在检查组",
    when: "`recordedBy` is not an officer of the task's team.",
  },
  OTHER_JURISDICTION: {
    codes: ["FORBIDDEN"],
    zh: "非本辖区执法人员",
    when: "The officer recording results belongs to another jurisdiction than the caller.",
  },
  FEEDBACK_NOT_OPEN: {
    codes: ["FORBIDDEN"],
    zh: "反馈表未开放",
    when: "检查情况反馈表 for a code that is not this enterprise's, not signed by the committee, revoked, or whose visit window has not begun.",
    action: "Check the code and the USCC; feedback opens once the visit has begun.",
  },
  NOT_THIS_OFFICER: {
    codes: ["FORBIDDEN"],
    zh: "非本人",
    when: "An officer's token records results in another officer's name.",
  },
  FORBIDDEN_JURISDICTION: {
    codes: ["FORBIDDEN"],
    zh: "无权查看其他辖区",
    when: "A province's token asks for another jurisdiction's supervision indicators (a province reads only its own).",
    action: "Leave `jurisdiction` out (your own), or ask the committee (gz).",
  },
  ORIGIN_MISMATCH: {
    codes: ["FORBIDDEN"],
    zh: "来源不符",
    when: "A record pushed with an `origin` other than the token's issuer.",
    action: "Push only your own jurisdiction's records.",
  },
  // BAD_USER_INPUT — scalars and request-wide limits
  BAD_DATE: input("日期格式错误", "A Date that is not a real calendar day YYYY-MM-DD."),
  BAD_DATETIME: input("时间格式错误", "A DateTime that is not ISO 8601 with its offset."),
  BAD_AMOUNT: input("金额格式错误", 'A Yuan that is not a decimal string with at most two decimals, e.g. "12000.50".'),
  BAD_SEQ: input("序号格式错误", "A sequence number that is not a non-negative integer string."),
  FIELD_TOO_LONG: input("字段过长", "A text argument longer than its limit (docs/limits.md)."),
  PAYLOAD_TOO_DEEP: input("载荷嵌套过深", "A JSON payload nested deeper than allowed."),
  PAYLOAD_TOO_LARGE: input("载荷过大", "A JSON payload larger than allowed."),
  INVALID_TEXT: input("文本含非法字符", "Text with NUL or a lone surrogate."),
  FEEDBACK_ANSWER_MISSING: input("反馈未答完", "检查情况反馈表 on the public page: a required answer left out."),
  FEEDBACK_SATISFACTION_OUT_OF_RANGE: input(
    "满意度超出范围",
    "检查情况反馈表: a satisfaction outside 1 (很不满意) … 5 (很满意).",
  ),
  FEEDBACK_DURATION_OUT_OF_RANGE: input(
    "检查用时超出范围",
    "检查情况反馈表: a duration that is not 1 … 1440 whole minutes.",
  ),
  FEEDBACK_COMMENTS_TOO_LONG: input("意见建议过长", "检查情况反馈表: comments longer than 500 characters."),
  REPORT_ANSWER_MISSING: input("反映未填完", "未亮码检查反映: a required field left blank."),
  REPORT_TEXT_TOO_LONG: input(
    "反映内容过长",
    "未亮码检查反映: 检查部门 longer than 100 or 情况说明 longer than 1000 characters.",
  ),
  USCC_INVALID: input(
    "统一社会信用代码不正确",
    "未亮码检查反映: a USCC that fails GB 32100 (18 characters, check character).",
  ),
  OCCURRED_ON_IN_FUTURE: input("检查日期晚于今天", "未亮码检查反映: an inspection day after today (Beijing)."),
  ENTERPRISE_UNKNOWN: input(
    "企业不在企业库",
    "未亮码检查反映: a valid USCC of no enterprise in the library.",
    "Check the USCC on the business licence; an enterprise outside the 新区 library reports elsewhere.",
  ),
  INVALID_NAME: input("名称含非法字符", "A name with a control, bidi or zero-width character."),
  INVALID_INPUT: input("输入校验失败", "An input breaks its schema; the message lists every problem."),
  INVALID_FIELD: input("字段无效", "A field of a library record is invalid; the message lists them."),
  PAGE_SIZE_OUT_OF_RANGE: input(
    "分页大小越界",
    "`first`/`last` is not a whole number from 0 to the maximum page size.",
  ),
  BAD_CURSOR: input("游标无效", "A cursor that this gateway did not hand out.", "Start again without a cursor."),
  BAD_GLOBAL_ID: input(
    "全局ID无效",
    "An id that this gateway did not hand out, or the id of another type than the argument takes.",
    "Pass back an `id` exactly as the API answered it.",
  ),
  BAD_PAGE_ARGUMENTS: input("分页参数冲突", "Paging arguments that do not go together (e.g. `before` with `first`)."),
  PERIOD_REVERSED: input("统计期起止颠倒", "An indicator period whose `to` is before its `from`."),
  PERIOD_TOO_LONG: input(
    "统计期过长",
    "An indicator period longer than three years (1098 days).",
    "Ask for shorter periods, e.g. one year at a time.",
  ),
  WITHIN_DAYS_RANGE: input("天数越界", "`withinDays` outside its documented range."),
  BATCH_TOO_LARGE: input("批量过大", "More records or items in one request than allowed.", "Split the batch."),
  BAD_BACKLOG: input("积压数无效", "A negative `sourceBacklog`."),
  RECORDS_OR_BATCH: input(
    "记录须二选一",
    "`ingestRecords` was sent both `records` and `batch`, or neither.",
    "Send the batch's records in exactly one of the two.",
  ),
  BAD_BATCH: input("记录批格式错误", "A `RecordBatch` that is not a JSON array.", "Send a JSON array of records."),
  EMPTY_MESSAGE: input("消息为空", "An empty error message reported by an adapter."),
  SEQ_AHEAD: input(
    "确认序号超前",
    "An acknowledged seq ahead of the newest change.",
    "Acknowledge only what you received.",
  ),
  BAD_ADAPTER_NAME: input("适配器名称无效", "An adapter name outside the allowed pattern."),
  BAD_CODE: input("代码格式错误", "A code that is not SCREAMING_SNAKE."),
  ORIGIN_ID_MISMATCH: input("来源编号不符", "A corrected quarantined record with another originId."),
  NOT_RETRYABLE: input(
    "无法重新入库",
    "Retrying a quarantined row that does not hold a record the gateway kept (an adapter's own payload, an INVALID_SHAPE entry); its `retryable` is false.",
    "The province corrects it and calls replayQuarantined.",
  ),
  EMPTY_REASON: input("缺少理由", "Discarding a quarantined record without saying why."),
  REASON_REQUIRED: input("缺少理由", "A conflict declaration or a code revocation without a reason."),
  // BAD_USER_INPUT — catalogue, libraries, dispatch
  EMPOWERED_TO_BEFORE_FROM: input("赋权截止早于起始", "`empoweredTo` before the day the item was empowered."),
  UNKNOWN_DOMAIN: input("未知领域", "A domain code that is not in the catalogue."),
  UNKNOWN_OFFICER: input("未知执法人员", "A certificate number of no known officer."),
  UNKNOWN_ITEM: {
    codes: ["BAD_USER_INPUT", "NOT_FOUND"],
    zh: "未知执法事项",
    when: "An item code that is not in the catalogue (in a plan: BAD_USER_INPUT; as the target: NOT_FOUND).",
  },
  NO_PLAN: input("缺少计划", "Neither a plan nor a planId."),
  NO_ITEMS: input("计划无事项", "A plan that checks no item."),
  INVALID_DRAW_PARAMETERS: input("抽查参数无效", "Draw parameters out of range (ratio, strata, sizes)."),
  TEAM_SIZE: input("检查组人数无效", "A team size below two or above the maximum."),
  YEARLY_CAP: input("年度上限无效", "`yearlyCap` is not a whole number of at least 1."),
  EXCLUDE_DAYS: input("排除天数越界", "`excludeInspectedWithinDays` outside its range."),
  VISIT_WINDOW: input("检查时间窗无效", "`visitTo` before `visitFrom`, or a window longer than allowed."),
  CANDIDATE_LIST_ALTERED: input(
    "候选名单被改动",
    "The frozen candidate list no longer hashes to the published hash at reveal.",
    "Report it: the draw cannot be revealed.",
  ),
  NO_TASKS: input("未指定任务", "A dispatch that names no task."),
  TOO_MANY_TASKS: input("任务过多", "More tasks in one dispatch than allowed.", "Dispatch the draw by its id."),
  NO_VALID_TEAM: input("无合格检查组", "The task has no team that satisfies the team rules."),
  NO_RESULTS: input("未提交结果", "Recording results with an empty list."),
  ITEM_NOT_IN_TASK: input("事项不属于任务", "A result for an item the task does not check."),
  CASE_ON_COMPLIANT: input("合规事项不立案", "A penalty case on an item found compliant."),
  // BAD_USER_INPUT — benchmarks and discretion (裁量基准), schema/benchmarks/rules/
  NOT_A_PENALTY_ITEM: input("非行政处罚事项", "A benchmark or a fine asked for an item that is not a penalty item."),
  NO_PROVINCIAL_BENCHMARK: input(
    "缺少省级基准",
    "Merging benchmarks of an item that has no Chongqing or no Sichuan benchmark in force that day.",
  ),
  NO_BENCHMARK_IN_FORCE: input("无有效基准", "No benchmark of the item is in force on the act's day."),
  INVALID_FACTS: input("案情无效", "Case facts that break their schema, or a base amount given twice."),
  INVALID_DATE: input("日期无效", "A date of the case that is not a real day."),
  DECISION_BEFORE_ACT: input("决定早于违法行为", "A decision day before the day of the act."),
  ACT_BEFORE_EMPOWERMENT: input("行为早于赋权", "An act before the day the item was empowered to the new area."),
  BASE_AMOUNT_REQUIRED: input("缺少计罚基数", "A fine rule that multiplies a base amount the facts do not give."),
  NEGATIVE_BASE_AMOUNT: input("计罚基数为负", "A negative base amount."),
  AREA_REQUIRED: input("缺少面积", "A fine rule by area without the area in the facts."),
  AMOUNT_TOO_LARGE: input("金额过大", "An amount beyond what the gateway can compute exactly."),
  NO_TIER_MATCHES: input("无匹配裁量档次", "No tier of the benchmark matches the facts."),
  // CONFLICT
  CODE_IN_USE: { codes: ["CONFLICT"], zh: "代码已被占用", when: "A provincial code already held by another item." },
  NOT_QUARANTINED: {
    codes: ["CONFLICT"],
    zh: "记录不在隔离区",
    when: "Resolving a quarantined record already released or discarded.",
  },
  ALREADY_REVEALED: { codes: ["CONFLICT"], zh: "已揭示", when: "Revealing a draw twice." },
  TASK_NOT_OPEN: {
    codes: ["CONFLICT"],
    zh: "任务未开放",
    when: "Recording results on a task that is not dispatched or in progress.",
  },
  ILLEGAL_TRANSITION: {
    codes: ["CONFLICT"],
    zh: "非法状态转换",
    when: "A task event its current state does not allow; `from` and `to` name the states.",
  },
  NO_CODE: { codes: ["CONFLICT"], zh: "尚无执法码", when: "Revoking the 执法码 of a task that has none yet." },
  CURSOR_MOVED: {
    codes: ["CONFLICT"],
    zh: "游标已变动",
    when: "A batch sent with `follows` found another stored cursor (neither `follows` nor its own); nothing was stored, `storedCursor` names the stored one. Send it again without `follows` once the batch before it is stored, or resume from `storedCursor`.",
  },
  RECORD_KIND_MISMATCH: {
    codes: ["CONFLICT"],
    zh: "记录类型不符",
    when: "A penalty decision pushed under the key of a record of another kind.",
  },
  // SUBGRAPH_UNAVAILABLE
  SUBGRAPH_TIMEOUT: {
    codes: ["SUBGRAPH_UNAVAILABLE"],
    zh: "子图超时",
    when: "The province's subgraph did not answer within FEDERATION_TIMEOUT_MS (3 s by default).",
  },
  SUBGRAPH_UNREACHABLE: {
    codes: ["SUBGRAPH_UNAVAILABLE"],
    zh: "子图无法连接",
    when: "The province's subgraph could not be reached (connection refused or reset, no such host).",
  },
  SUBGRAPH_REFUSED: {
    codes: ["SUBGRAPH_UNAVAILABLE"],
    zh: "子图拒绝网关",
    when: "The province's subgraph refused the gateway's token (e.g. it does not hold the gateway's current keys).",
  },
  SUBGRAPH_FAILED: {
    codes: ["SUBGRAPH_UNAVAILABLE"],
    zh: "子图出错",
    when: "The province's subgraph answered with an error and no data.",
  },
  // SERVICE_UNAVAILABLE
  REPLAY_STORE_UNAVAILABLE: {
    codes: ["SERVICE_UNAVAILABLE"],
    zh: "防重放存储不可用",
    when: "The replay store (Redis) cannot be reached for a mutation; nothing was written.",
  },
} as const satisfies Record<string, ReasonEntry>;

export type ErrorReason = keyof typeof REASONS;
/** the reasons that travel with one code (the helpers in gateway/errors.ts accept only these) */
export type ReasonOf<C extends ErrorCode> = {
  [R in ErrorReason]: C extends (typeof REASONS)[R]["codes"][number] ? R : never;
}[ErrorReason];
