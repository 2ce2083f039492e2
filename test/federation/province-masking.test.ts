/**
 * A province's answer masked for a caller of another jurisdiction (schema/federation/rules/
 * mask-province-answer.ts): found by the field's name in the contract, however the query aliased it
 * or spread it through fragments; and the contract has no personal field the rule does not know.
 */
import { buildASTSchema, type GraphQLObjectType, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { provinceSubgraphSdl } from "../../schema/federation/province-subgraph.ts";
import {
  FREE_TEXT_FIELDS,
  maskProvinceAnswer,
  PERSONAL_FIELDS,
} from "../../schema/federation/rules/mask-province-answer.ts";

const CASE = {
  caseNumber: "川应急罚〔2026〕7号",
  subject: "未按规定设置安全警示标志，联系人电话 13812345678",
  contactName: "王小明",
  contactPhone: "13812345678",
};

describe("a province's answer, masked for another jurisdiction", () => {
  it("masks the contact's name and phone and numbers in free text, leaves the rest", () => {
    const document = parse(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise {
      atSichuan { province cases { caseNumber subject contactName contactPhone } } } } }`);
    const data = { _entities: [{ atSichuan: { province: "sc", cases: [CASE] } }, null] };
    expect(maskProvinceAnswer(document, data)).toEqual({
      _entities: [
        {
          atSichuan: {
            province: "sc",
            cases: [
              {
                caseNumber: "川应急罚〔2026〕7号",
                subject: "未按规定设置安全警示标志，联系人电话 ***********",
                contactName: "王**",
                contactPhone: "138****5678",
              },
            ],
          },
        },
        null,
      ],
    });
    expect(data._entities[0]?.atSichuan.cases[0]).toBe(CASE); // the input is not changed
  });

  it("finds the fields under aliases and named fragments", () => {
    const document = parse(`query ($r: [_Any!]!) { _entities(representations: $r) { ...F } }
      fragment F on Enterprise { file: atChongqing { c: cases { who: contactName tel: contactPhone caseNumber } } }`);
    const masked = maskProvinceAnswer(document, {
      _entities: [{ file: { c: [{ who: "李四", tel: "023-67891234", caseNumber: "渝1" }] } }],
    });
    expect(masked).toEqual({ _entities: [{ file: { c: [{ who: "李*", tel: "023*****1234", caseNumber: "渝1" }] } }] });
  });

  it("knows every personal or free-text field of the contract", () => {
    const schema = buildASTSchema(parse(provinceSubgraphSdl("cq")), { assumeValidSDL: true });
    const stringFields = ["ProvincialCase", "CaseDocument", "Licence", "RectificationOrder", "CreditRepair"].flatMap(
      (type) => {
        const fields = (schema.getType(type) as GraphQLObjectType).getFields();
        return Object.values(fields)
          .filter((f) => String(f.type).replace("!", "") === "String")
          .map((f) => `${type}.${f.name}: ${f.description ?? ""}`);
      },
    );
    // a field the contract calls personal data must be masked by the rule
    const personal = stringFields.filter((f) => f.includes("personal data"));
    expect(personal.map((f) => f.split(":")[0]?.split(".")[1])).toEqual(Object.keys(PERSONAL_FIELDS));
    expect([...FREE_TEXT_FIELDS].every((name) => stringFields.some((f) => f.split(":")[0]?.endsWith(`.${name}`)))).toBe(
      true,
    );
  });
});
