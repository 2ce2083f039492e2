/**
 * 辖区 — jurisdiction: who issues a token and who owns a record. One type for the whole code base
 * (gateway, auth, rules, adapters, simulators). The lower-case names are part of the outside contract:
 * `iss` claims, key file names and `npm run token -- --as <jurisdiction>` use them verbatim; GraphQL
 * spells them as the enum `Jurisdiction { CQ SC GZ }`.
 */
export const JURISDICTIONS = ["cq", "sc", "gz"] as const;

/** 重庆 `cq` / 四川 `sc` / 高竹新区管委会 `gz` */
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** The two provinces: they own platforms, officers, enterprises and records. */
export const PROVINCES = ["cq", "sc"] as const;
export type Province = (typeof PROVINCES)[number];

export const JURISDICTION_NAMES: Readonly<Record<Jurisdiction, string>> = {
  cq: "重庆",
  sc: "四川",
  gz: "高竹新区管委会",
};

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return typeof value === "string" && (JURISDICTIONS as readonly string[]).includes(value);
}

export function isProvince(value: unknown): value is Province {
  return value === "cq" || value === "sc";
}

/** The other province: whose platform receives what this one pushes. */
export function otherProvince(province: Province): Province {
  return province === "cq" ? "sc" : "cq";
}

/** A stored jurisdiction column read back: anything but the three names is corrupt data, not input. */
export function jurisdictionOf(stored: string): Jurisdiction {
  if (!isJurisdiction(stored))
    throw new Error(`stored jurisdiction "${stored}" is none of ${JURISDICTIONS.join(", ")}`);
  return stored;
}
