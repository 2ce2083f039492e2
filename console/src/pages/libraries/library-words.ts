/** The libraries' words in Chinese: fields of a write, write outcomes, officer states, why an officer cannot be dispatched. */
export const FIELD_TEXT: Record<string, string> = {
  certificateNumber: "执法证号",
  certificateValidFrom: "执法证生效日",
  certificateValidTo: "执法证到期日",
  name: "名称/姓名",
  status: "状态",
  qualifiedDomains: "执法领域",
  homeJurisdiction: "所属",
  idNumber: "身份证号",
  phone: "电话",
  homeAddress: "住址",
  uscc: "统一社会信用代码",
  park: "园区",
  town: "镇街",
  address: "地址",
  industry: "行业",
  legalRepresentative: "法定代表人",
  creditGrade: "信用等级",
  divisionCode: "行政区划",
  registeringJurisdiction: "登记地",
};

export const WRITE_OUTCOME_TEXT: Record<string, string> = {
  APPLIED: "已写入",
  UNCHANGED: "无变化",
  STALE: "版本不新，未写入",
  REFUSED: "已拒绝",
};

export const OFFICER_STATUS_TEXT: Record<string, string> = {
  ACTIVE: "在岗",
  SUSPENDED: "暂停执法",
  RETIRED: "已离岗",
};

/** schema/libraries/rules/dispatchability.ts */
export const NOT_DISPATCHABLE_TEXT: Record<string, string> = {
  CERTIFICATE_NOT_YET_VALID: "执法证尚未生效",
  CERTIFICATE_EXPIRED: "执法证已过期或无有效期",
  NOT_ACTIVE: "不在岗",
  NOT_QUALIFIED: "不具备所需执法领域资格",
};

export const JURISDICTION_TEXT: Record<string, string> = { CQ: "重庆", SC: "四川", GZ: "高竹新区" };

export const textOf = (table: Record<string, string>, key: string | null | undefined): string =>
  key == null ? "" : (table[key] ?? key);
