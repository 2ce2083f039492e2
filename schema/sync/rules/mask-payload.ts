/**
 * Personal data inside JSON payloads (change events, the extra fields of records, quarantined
 * records) is masked by the same maskers as the officer library (issue #3). Fields are recognised by
 * name at any depth, whatever the case or separators: a name ENDING in one of the keys below
 * (`idNumber`, `partyIdNumber`, `id_card_no`, `mobile`, `contactPhone`, `homeAddress`…).
 * Free text (e.g. `findings`) cannot be masked by name: platforms must not write personal data there.
 */
import { maskAddress, maskIdNumber, maskPhone } from "../../libraries/rules/mask.ts";

type Mask = (value: string) => string;

const BY_SUFFIX: ReadonlyArray<readonly [string, Mask]> = [
  ["idnumber", maskIdNumber],
  ["idcardno", maskIdNumber],
  ["idcard", maskIdNumber],
  ["citizenid", maskIdNumber],
  ["phone", maskPhone],
  ["mobile", maskPhone],
  ["homeaddress", maskAddress],
];

function maskerFor(key: string): Mask | null {
  const normalized = key.toLowerCase().replace(/[_\-\s]/g, "");
  return BY_SUFFIX.find(([suffix]) => normalized.endsWith(suffix))?.[1] ?? null;
}

/** A copy of `value` with every personal field masked; the input is not changed. */
export function maskPersonalFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalFields);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const mask = maskerFor(key);
    if (mask && (typeof field === "string" || typeof field === "number")) out[key] = mask(String(field));
    else out[key] = maskPersonalFields(field);
  }
  return out;
}
