/**
 * The payload of a mutation that changes one stored record: `XPayload { <field>: <Type>! }`. Mutations
 * whose callers need more (per-item outcomes, provenance) define their own payload type instead.
 */
import type { ObjectRef } from "@pothos/core";
import { builder } from "../builder.ts";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

interface PayloadOptions<Field extends string, Shape> {
  /** the payload type's description: "中文 — English, what changed" */
  description: string;
  field: Field;
  type: ObjectRef<Types, Shape>;
  fieldDescription: string;
}

export function recordPayload<Field extends string, Shape>(
  name: string,
  { description, field, type, fieldDescription }: PayloadOptions<Field, Shape>,
) {
  return builder.objectRef<Record<Field, Shape>>(name).implement({
    description,
    fields: (t) => ({
      // Pothos cannot resolve its output-shape conditional for a generic Shape; the record is that shape
      [field]: t.field({ type, description: fieldDescription, resolve: (payload) => payload[field] as never }),
    }),
  });
}
