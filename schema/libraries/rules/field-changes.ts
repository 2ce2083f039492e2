/** What a write changed, field by field — the `changes` of a LibraryChange history row. */
export type FieldValue = string | number | boolean | null | readonly string[];

export interface FieldChange {
  from: FieldValue;
  to: FieldValue;
}

export type FieldChanges = Record<string, FieldChange>;

const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

/** The fields among `fields` whose values differ, with both values. */
export function diffFields<T extends { [K in keyof T]: FieldValue }>(
  before: T | null,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const from: FieldValue = before ? before[field] : null;
    const to: FieldValue = after[field];
    if (!same(from, to)) changes[field] = { from, to };
  }
  return changes;
}

export const sameFields = <T extends { [K in keyof T]: FieldValue }>(
  a: T,
  b: T,
  fields: readonly (keyof T & string)[],
) => Object.keys(diffFields(a, b, fields)).length === 0;
