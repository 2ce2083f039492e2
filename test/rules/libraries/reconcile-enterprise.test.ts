import { describe, expect, it } from "vitest";
import {
  type EnterpriseState,
  type EnterpriseWrite,
  reconcileEnterprise,
  registeringJurisdictionOf,
  type Writer,
} from "../../../schema/libraries/rules/reconcile-enterprise.ts";
import { makeUscc } from "./fixtures.ts";

const SC_USCC = makeUscc("511623", 11);
const CQ_USCC = makeUscc("500112", 12);

const write = (over: Partial<EnterpriseWrite> = {}): EnterpriseWrite => ({
  uscc: SC_USCC,
  name: "四川瑞丰新材料科技有限公司",
  park: "高竹新区新材料产业园",
  town: "高滩镇",
  divisionCode: "511623",
  industry: "新材料",
  legalRepresentative: "王志刚",
  address: null,
  version: 1,
  creditGrade: "A",
  ...over,
});

type Step = [Writer, EnterpriseWrite];

/** Applies the writes in order; returns the end state and each outcome. */
function replay(steps: Step[]): { state: EnterpriseState | null; outcomes: string[] } {
  let state: EnterpriseState | null = null;
  const outcomes: string[] = [];
  for (const [writer, w] of steps) {
    const result = reconcileEnterprise(state, w, writer);
    outcomes.push(result.outcome);
    if (result.outcome !== "REFUSED") state = result.state;
  }
  return { state, outcomes };
}

/** every order of the steps */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("registering jurisdiction", () => {
  it("is read from the USCC's division (50 → cq, 51 → sc), even a retired one; otherwise the first writer's", () => {
    expect(registeringJurisdictionOf(CQ_USCC, "sc")).toBe("cq");
    expect(registeringJurisdictionOf(SC_USCC, "cq")).toBe("sc");
    expect(registeringJurisdictionOf("91350100M000100Y43", "sc")).toBe("sc");
  });
});

describe("reconcileEnterprise", () => {
  const cqWrite = write({ name: "重庆写的名称", town: "坛同镇", creditGrade: "C", version: 4 });
  const scWrite = write({ creditGrade: "B", version: 2 });

  it("gives the same end state whichever province writes first, with per-field ownership", () => {
    const cqFirst = replay([
      ["cq", cqWrite],
      ["sc", scWrite],
    ]);
    const scFirst = replay([
      ["sc", scWrite],
      ["cq", cqWrite],
    ]);
    expect(cqFirst.state).toEqual(scFirst.state);
    expect(cqFirst.state).toMatchObject({
      registeringJurisdiction: "sc",
      name: "四川瑞丰新材料科技有限公司",
      town: "高滩镇",
      registrationProvisional: false,
      creditGrade: "B",
      creditGradeSc: "B",
      creditGradeCq: "C",
      version: 2,
      versionSc: 2,
      versionCq: 4,
    });
  });

  it("stores the other province's registration data provisionally until the owner writes", () => {
    const { state } = replay([["cq", cqWrite]]);
    expect(state).toMatchObject({
      registeringJurisdiction: "sc",
      registrationProvisional: true,
      name: "重庆写的名称",
      creditGrade: "C",
      version: 0,
    });
  });

  it("resolves conflicting versions by version in every arrival order, the losers STALE", () => {
    const steps: Step[] = [
      ["sc", write({ version: 3, name: "v3 名称", creditGrade: "D" })],
      ["sc", write({ version: 5, name: "v5 名称", creditGrade: "A" })],
      ["sc", write({ version: 4, name: "v4 名称", creditGrade: "C" })],
      ["cq", write({ version: 7, creditGrade: "B", name: "cq 名称" })],
      ["cq", write({ version: 6, creditGrade: "D" })],
    ];
    const ends = permutations(steps).map((order) => replay(order));
    for (const end of ends) expect(end.state).toEqual(ends[0]?.state);
    expect(ends[0]?.state).toMatchObject({
      name: "v5 名称",
      creditGradeSc: "A",
      creditGradeCq: "B",
      versionSc: 5,
      versionCq: 7,
    });
    const inOrder = replay(steps);
    expect(inOrder.outcomes).toEqual(["APPLIED", "APPLIED", "STALE", "APPLIED", "STALE"]);
  });

  it("treats a replay as UNCHANGED and a reused version with other content as STALE", () => {
    const { state } = replay([["sc", scWrite]]);
    expect(reconcileEnterprise(state, scWrite, "sc").outcome).toBe("UNCHANGED");
    expect(reconcileEnterprise(state, { ...scWrite, name: "别的名称" }, "sc").outcome).toBe("STALE");
  });

  it("lets the non-owner's replay be UNCHANGED although its registration data was ignored", () => {
    const { state } = replay([
      ["sc", scWrite],
      ["cq", cqWrite],
    ]);
    expect(reconcileEnterprise(state, cqWrite, "cq").outcome).toBe("UNCHANGED");
  });

  it("lists the applied changes field by field", () => {
    const { state } = replay([["sc", scWrite]]);
    const result = reconcileEnterprise(
      state,
      write({ version: 3, park: "高竹新区智能制造产业园", creditGrade: "C" }),
      "sc",
    );
    expect(result.outcome === "APPLIED" && result.changes).toEqual({
      park: { from: "高竹新区新材料产业园", to: "高竹新区智能制造产业园" },
      creditGrade: { from: "B", to: "C" },
      creditGradeSc: { from: "B", to: "C" },
      version: { from: 2, to: 3 },
      versionSc: { from: 2, to: 3 },
    });
  });

  it("lets 管委会 correct the owner's fields at the stored version without moving the owner's counter", () => {
    const { state } = replay([
      ["sc", scWrite],
      ["cq", cqWrite],
    ]);
    const fix = reconcileEnterprise(state, write({ version: 2, industry: "汽车零部件", creditGrade: "B" }), "gz");
    expect(fix).toMatchObject({
      outcome: "APPLIED",
      state: { industry: "汽车零部件", versionSc: 2, creditGradeCq: "C" },
    });
    expect(reconcileEnterprise(state, write({ version: 1, industry: "x" }), "gz").outcome).toBe("STALE");
    expect(reconcileEnterprise(state, write({ version: 3 }), "gz")).toMatchObject({
      outcome: "REFUSED",
      code: "VERSION_AHEAD",
    });
    expect(reconcileEnterprise(null, write(), "gz")).toMatchObject({ outcome: "REFUSED", code: "NOT_FOUND" });
  });

  it("reads a seeded row's owner version from `version` when versionCq/versionSc are empty", () => {
    const seeded: EnterpriseState = {
      ...write({ uscc: CQ_USCC, divisionCode: "500109" }),
      registeringJurisdiction: "cq",
      registrationProvisional: false,
      creditGrade: "A",
      creditGradeCq: "A",
      creditGradeSc: "B",
      version: 1,
      versionCq: null,
      versionSc: null,
    };
    const { version: _v, ...same } = seeded;
    expect(reconcileEnterprise(seeded, { ...same, version: 1, creditGrade: "A" }, "cq").outcome).toBe("UNCHANGED");
    expect(reconcileEnterprise(seeded, { ...same, version: 1, creditGrade: "B" }, "sc").outcome).toBe("APPLIED");
  });
});
