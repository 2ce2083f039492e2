/**
 * JSON with object keys sorted at every level, so equal values serialize equally (hashing, comparing).
 * The audit chain hashes it (gateway/audit/chain.ts): its output must never change for the same value.
 *
 * The value is copied with its keys in sorted order and serialized once by the native JSON.stringify: building the
 * text piece by piece (`piecewiseJson`, what this module always wrote) cost ~2× more on an ingested batch's
 * variables (~0.5 MB; issue 19). The copy writes what the piecewise form writes: a function or symbol is `null`
 * (JSON.stringify would drop the key), `undefined` in an array is `null`, in an object the key is left out. Where
 * the native order or form cannot say the same — an integer-like key (JSON.stringify puts those first, in numeric
 * order) or an array with holes — the whole value is written piece by piece.
 */
export function stableJson(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value)) ?? "null";
  } catch (error) {
    if (error !== NOT_NATIVE) throw error;
    return piecewiseJson(value);
  }
}

/** thrown by sortedCopy when the native serializer would not write what piecewiseJson writes */
const NOT_NATIVE = Symbol("not native");

/** a canonical array index ("0", "17"): ordinary objects enumerate those first, in numeric order */
const INTEGER_KEY = /^(0|[1-9]\d*)$/;

function sortedCopy(value: unknown): unknown {
  if (typeof value === "function" || typeof value === "symbol") return null;
  if (value === null || typeof value !== "object") return value;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return sortedCopy(json.call(value));
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw NOT_NATIVE;
      const item = value[i];
      copy[i] = item === undefined ? null : sortedCopy(item);
    }
    return copy;
  }
  const object = value as Record<string, unknown>;
  // no prototype: an own "__proto__" key is copied as a key, not taken as the copy's prototype
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(object).sort()) {
    if (INTEGER_KEY.test(key)) throw NOT_NATIVE;
    const field = object[key];
    if (field !== undefined) copy[key] = sortedCopy(field);
  }
  return copy;
}

/** The same text built piece by piece: the reference form, used where the native serializer cannot say it. */
export function piecewiseJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return piecewiseJson(json.call(value));
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : piecewiseJson(item))).join(",")}]`;
  const fields = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${piecewiseJson((value as Record<string, unknown>)[key])}`);
  return `{${fields.join(",")}}`;
}
