/** JSON with object keys sorted at every level, so equal values serialize equally (hashing, comparing). */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return stableJson(json.call(value));
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : stableJson(item))).join(",")}]`;
  const fields = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
  return `{${fields.join(",")}}`;
}
