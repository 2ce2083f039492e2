/**
 * The quarantine originId of an officer or enterprise a province's adapter could not deliver:
 * `officer:<certificate number>` / `enterprise:<USCC>`, limited to the characters and length every
 * quarantine originId allows (A–Z a–z 0–9 _ . : -, at most 100). The adapter names its refused library
 * entries with it; the gateway supersedes them with it when a later version of the entry is accepted.
 */
export function libraryQuarantineId(entityType: string, key: string): string {
  return `${entityType}:${key}`.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 100);
}
