/**
 * What a province's platform holds on day one: its own officers and enterprises from the seed, and
 * the catalog under ITS OWN item codes, each with a plausible fine range for penalty decisions.
 */
import { items } from "../../../prisma/seed/data/catalog.ts";
import { enterprises } from "../../../prisma/seed/data/enterprises.ts";
import { officers } from "../../../prisma/seed/data/officers.ts";
import type { SeedItem } from "../../../prisma/seed/data/types.ts";
import type { FineRule } from "../../../schema/benchmarks/rules/types.ts";
import type { Province, SimEnterprise, SimOfficer } from "./model.ts";

export interface ProvinceItem {
  /** the province's own code */
  code: string;
  kind: SeedItem["kind"];
  domainCode: string;
  /** fine ranges [minFen, maxFen] of the unified benchmark's tiers; empty for non-penalty items */
  fineRanges: [number, number][];
}

export interface ProvinceSeed {
  items: ProvinceItem[];
  officers: Omit<SimOfficer, "version" | "updatedAt">[];
  enterprises: Omit<SimEnterprise, "version" | "updatedAt">[];
}

const WAN = 1_000_000; // 1万元 in fen

/** a range a decision under this rule plausibly falls in (bases and areas guessed: the simulator has no case facts) */
function rangeOf(rule: FineRule): [number, number] {
  switch (rule.kind) {
    case "FIXED_RANGE":
      return [rule.minFen, rule.maxFen];
    case "UP_TO_MAX":
      return [Math.round(rule.maxFen / 10), rule.maxFen];
    case "MULTIPLE_OF_BASE":
      return rule.whenBaseUnknown ? [rule.whenBaseUnknown.minFen, rule.whenBaseUnknown.maxFen] : [WAN, 10 * WAN];
    case "PER_SQUARE_METRE":
      return [rule.minFenPerM2 * 50, rule.maxFenPerM2 * 500];
  }
}

function fineRanges(item: SeedItem): [number, number][] {
  if (item.kind !== "PENALTY") return [];
  const benchmark = item.benchmarks.find((b) => b.source === "gz") ?? item.benchmarks[0];
  const ranges = (benchmark?.body.tiers ?? []).map((tier) => rangeOf(tier.fine)).filter(([, max]) => max > 0);
  return ranges.length > 0 ? ranges : [[WAN / 10, 5 * WAN]];
}

export function provinceSeed(province: Province): ProvinceSeed {
  return {
    items: items.map((item) => ({
      code: province === "cq" ? item.cqCode : item.scCode,
      kind: item.kind,
      domainCode: item.domainCode,
      fineRanges: fineRanges(item),
    })),
    officers: officers
      .filter((o) => o.homeJurisdiction === province)
      .map((o) => ({
        certNo: o.certificateNumber,
        name: o.name,
        unit: o.unit,
        status: o.status,
        validFrom: o.certificateValidFrom,
        validTo: o.certificateValidTo,
        domains: o.qualifiedDomains,
        idNumber: o.idNumber,
        phone: o.phone,
      })),
    enterprises: enterprises
      .filter((e) => e.registeringJurisdiction === province)
      .map((e) => ({
        uscc: e.uscc,
        name: e.name,
        legalRepresentative: e.legalRepresentative,
        address: e.address,
        divisionCode: e.divisionCode,
        industry: e.industry,
        creditGrade: e.creditGrade,
      })),
  };
}
