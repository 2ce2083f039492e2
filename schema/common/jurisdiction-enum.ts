/** The GraphQL spelling of a jurisdiction: enum values CQ / SC / GZ, the code's "cq" / "sc" / "gz" inside. */
import { builder } from "../builder.ts";

export const JurisdictionEnum = builder.enumType("Jurisdiction", {
  description: "辖区 — jurisdiction: who issues a token and who owns a record",
  values: {
    CQ: { value: "cq", description: "重庆 — Chongqing" },
    SC: { value: "sc", description: "四川 — Sichuan" },
    GZ: { value: "gz", description: "高竹新区管委会 — the New Area's management committee" },
  } as const,
});
