/** Builders of valid library identifiers and records for the pure-rule tests. */

import { divisions } from "../../../prisma/seed/data/divisions.ts";
import { domains } from "../../../prisma/seed/data/domains.ts";
import { computeCitizenIdCheckChar } from "../../../schema/libraries/rules/citizen-id.ts";
import type { DivisionPeriod } from "../../../schema/libraries/rules/division-in-force.ts";
import { computeOrgCodeCheckChar } from "../../../schema/libraries/rules/org-code.ts";
import { computeUsccCheckChar } from "../../../schema/libraries/rules/uscc.ts";

/** A valid USCC registered at `division` (e.g. 500112, 511623), body "TKA" + a 5-digit serial. */
export function makeUscc(division: string, serial: number): string {
  const body = `TKA${String(serial).padStart(5, "0")}`;
  const first17 = `91${division}${body}${computeOrgCodeCheckChar(body)}`;
  return `${first17}${computeUsccCheckChar(first17)}`;
}

/** A valid citizen ID (GB 11643) with the given address code and birth date YYYYMMDD. */
export function makeCitizenId(addressCode: string, birth: string, sequence = "123"): string {
  const body = `${addressCode}${birth}${sequence}`;
  return `${body}${computeCitizenIdCheckChar(body)}`;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The seeded divisions (prisma/seed/data/divisions.ts) as the rules read them. */
export const DIVISIONS: ReadonlyMap<string, DivisionPeriod> = new Map(
  divisions.map((d) => [
    d.code,
    { ...d, validFrom: d.validFrom ? day(d.validFrom) : null, validTo: d.validTo ? day(d.validTo) : null },
  ]),
);

export const DOMAIN_CODES: ReadonlySet<string> = new Set(domains.map((d) => d.code));

export { day };
