/**
 * A province's answer to the gateway, masked for a caller of another jurisdiction (docs/security.md
 * "Personal data", docs/federation.md): the same rule as every shared record — the owner's own
 * jurisdiction sees personal data in clear, the other province never, the committee only with
 * `pii:read` (schema/libraries/rules/personal-data.ts). Pure.
 *
 * The answer is walked together with the query the gateway sent, so that a field is recognised by its
 * name in the contract however the query planner aliased it. In the provinces' contract
 * (province-subgraph.graphql) the typed personal fields are `ProvincialCase.contactName` and
 * `.contactPhone`, and the free texts where a platform may write a number are `subject`, `matter` and `note`;
 * test/federation/province-masking.test.ts fails when the contract gains a field of that kind
 * that is not listed here.
 */
import { type DocumentNode, Kind, type SelectionSetNode } from "graphql";
import { maskPersonName, maskPhone } from "../../libraries/rules/mask.ts";
import { maskPersonalText } from "../../libraries/rules/mask-personal-data.ts";

/** typed personal fields of the contract and how each is masked */
export const PERSONAL_FIELDS: Readonly<Record<string, (value: string) => string>> = {
  contactName: maskPersonName,
  contactPhone: maskPhone,
};
/** free-text fields of the contract: numbers in them are masked as in any shared free text */
export const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(["subject", "matter", "note"]);

type Fragments = ReadonlyMap<string, SelectionSetNode>;

function maskValue(field: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const mask = PERSONAL_FIELDS[field];
  if (mask) return mask(value);
  return FREE_TEXT_FIELDS.has(field) ? maskPersonalText(value) : value;
}

function maskSelection(selectionSet: SelectionSetNode, value: unknown, fragments: Fragments): unknown {
  if (Array.isArray(value)) return value.map((item) => maskSelection(selectionSet, item, fragments));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment);
      } else {
        const key = selection.alias?.value ?? selection.name.value;
        if (!(key in out)) continue;
        out[key] = selection.selectionSet
          ? maskSelection(selection.selectionSet, out[key], fragments)
          : maskValue(selection.name.value, out[key]);
      }
    }
  };
  visit(selectionSet);
  return out;
}

/** `data` of the province's answer to `document`, with every personal field masked */
export function maskProvinceAnswer(document: DocumentNode, data: unknown): unknown {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation && operation.kind === Kind.OPERATION_DEFINITION
    ? maskSelection(operation.selectionSet, data, fragments)
    : data;
}
