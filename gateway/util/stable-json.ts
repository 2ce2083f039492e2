/**
 * JSON with object keys sorted at every level, so equal values serialize equally (hashing, comparing).
 * The audit chain hashes it (gateway/audit/chain.ts): its output must never change for the same value.
 *
 * Written in one of three ways, each writing what the piecewise form (`piecewiseJson`, what this module always
 * wrote) writes:
 * - **a small value** (at most SMALL_VALUE_ENTRIES keys and elements: a request's variables) piece by piece, as
 *   piecewiseJson does, with less garbage (`smallJson`);
 * and, for larger values, by the native JSON.stringify:
 * - **the keys listed**: every key of the value's plain objects, sorted, given to JSON.stringify as its property
 *   list, which writes each object's keys in the list's order. No copy of the value is made: for an ingested batch's
 *   variables (~0.5 MB) the sorted copy was ~9% of what the gateway allocated (bench/README.md, "ingest: what a
 *   record allocates"). Only for JSON's own values (plain objects with enumerable own keys only, arrays without
 *   holes, strings, numbers, booleans, null, undefined, Dates), without an own `__proto__` key (an object without
 *   one would be read through its prototype) and with at most MAX_LISTED_KEYS distinct keys (each object is asked
 *   for every listed key); collectKeys says what else it refuses;
 * - **a sorted copy** serialized once, for the rest: a function or symbol is `null` (JSON.stringify would drop the
 *   key), `undefined` in an array is `null`, in an object the key is left out. Where the native order or form
 *   cannot say the same — an integer-like key (JSON.stringify puts those first, in numeric order) or an array with
 *   holes — the whole value is written piece by piece.
 */
export function stableJson(value: unknown): string {
  smallBudget = SMALL_VALUE_ENTRIES;
  const small = smallJson(value);
  if (small !== undefined) return small;
  const keys = new Set<string>();
  if (collectKeys(value, keys)) return JSON.stringify(value, [...keys].sort()) ?? "null";
  try {
    return JSON.stringify(sortedCopy(value)) ?? "null";
  } catch (error) {
    if (error !== NOT_NATIVE) throw error;
    return piecewiseJson(value);
  }
}

/**
 * A small value (a request's variables: a case's facts, a page's filter) is written by `smallJson`, piece by piece
 * with the piecewise form's rules: for a dozen keys the native serializer with a property list costs more than it
 * saves (a match's variables under load: ~6 µs, ~8% of what a match request costs beyond a cached read).
 */
const SMALL_VALUE_ENTRIES = 64;
/** the keys and elements `smallJson` may still write; it gives up below zero */
let smallBudget = 0;

/**
 * piecewiseJson's text for a value of at most SMALL_VALUE_ENTRIES keys and elements in all, made of JSON's own values
 * (plain objects, arrays without holes, primitives); undefined for anything else, which the other two ways write
 */
function smallJson(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return undefined;
  if (Array.isArray(value)) {
    smallBudget -= value.length;
    if (smallBudget < 0) return undefined;
    let text = "[";
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return undefined;
      const item = value[i];
      const written = item === undefined ? "null" : smallJson(item);
      if (written === undefined) return undefined;
      text += i === 0 ? written : `,${written}`;
    }
    return `${text}]`;
  }
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  smallBudget -= keys.length;
  if (smallBudget < 0) return undefined;
  keys.sort();
  let text = "{";
  for (const key of keys) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    const written = smallJson(field);
    if (written === undefined) return undefined;
    text += `${text.length === 1 ? "" : ","}${JSON.stringify(key)}:${written}`;
  }
  return `${text}}`;
}

/** beyond it, asking each object for every listed key costs more than copying the value */
const MAX_LISTED_KEYS = 256;

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * adds the keys of `value`'s objects to `keys`; false when the property list cannot write it as piecewiseJson does:
 * - a `toJSON` other than a Date's: JSON.stringify calls it with the key, piecewiseJson without one (a Date's ignores
 *   it), and it would be called twice;
 * - an enumerable property inherited (a changed Object.prototype): the list would read it through the prototype;
 * - a non-enumerable own property: the list would write it, piecewiseJson leaves it out.
 * A getter is read here and again by JSON.stringify: the two agree for a getter that answers the same each time.
 */
function collectKeys(value: unknown, keys: Set<string>): boolean {
  if (value === null || typeof value !== "object") return typeof value !== "function" && typeof value !== "symbol";
  if (value instanceof Date) return (value as { toJSON: unknown }).toJSON === Date.prototype.toJSON;
  if ("toJSON" in value) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !collectKeys(value[i], keys)) return false;
    }
    return true;
  }
  if (!isPlainObject(value)) return false;
  let enumerable = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || key === "__proto__") return false;
    const field = (value as Record<string, unknown>)[key];
    // JSON.stringify leaves a function's key out, where piecewiseJson writes null
    if (typeof field === "function" || typeof field === "symbol" || !collectKeys(field, keys)) return false;
    keys.add(key);
    if (keys.size > MAX_LISTED_KEYS) return false;
    enumerable += 1;
  }
  return Object.getOwnPropertyNames(value).length === enumerable;
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
