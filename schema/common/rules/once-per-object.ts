/**
 * What a pure function works out of an object, worked out once for each object and kept with it (a WeakMap: it goes
 * when the object goes). For the catalog's arrays and rows, which the rules treat as immutable and which live as
 * long as the catalog's copy: a match reuses what earlier matches worked out of them. `work` must depend on its
 * argument alone.
 */
export function oncePerObject<Key extends object, Value>(work: (key: Key) => Value): (key: Key) => Value {
  const kept = new WeakMap<Key, Value>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = work(key);
      kept.set(key, value);
    }
    return value;
  };
}
