/** Why a record is in the quarantine, in Chinese: the ingest path's codes (schema/records/rules/record-input.ts). */
export const QUARANTINE_CODE_TEXT: Record<string, string> = {
  MISSING_FIELD: "缺少必填字段",
  INVALID_ORIGIN_ID: "来源编号格式错误",
  INVALID_VERSION: "版本号无效",
  UNKNOWN_ITEM: "事项编码不在目录中",
  BAD_USCC: "统一社会信用代码无效",
  BAD_DATES: "日期不合理",
  INVALID_TEXT: "含无法存储的字符",
  INVALID_PAYLOAD: "附加字段格式错误",
  INVALID_SHAPE: "记录格式错误（字段类型或名称不符）",
  UNMAPPED_ITEM_CODE: "省级事项编码未对应",
};

export const codeText = (code: string | null | undefined): string =>
  code ? (QUARANTINE_CODE_TEXT[code] ?? `其他原因（${code}）`) : "";

export const ORIGIN_TEXT: Record<string, string> = { CQ: "重庆", SC: "四川", GZ: "高竹新区" };

/** a retried record's outcome (WriteOutcome) */
export function outcomeText(outcome: string, code: string | null): string {
  switch (outcome) {
    case "APPLIED":
      return "已入库";
    case "UNCHANGED":
      return "已入库（内容无变化）";
    case "STALE":
      return "已有更新版本，未覆盖";
    default:
      return `仍被拒绝：${codeText(code)}`;
  }
}
