/**
 * A search of the input object types a value of one input type may contain: the input safety check asks which can
 * hold text (../plugins/use-input-safety.ts), the compiled read lane which graphql-jit would coerce otherwise than
 * graphql-js (../read-cache/compiled-queries.ts).
 */
import {
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  getNamedType,
  isInputObjectType,
} from "graphql";

/**
 * Whether an input object type reachable from `type` through input fields (`type` itself included; lists and
 * non-null looked through) has a field for which `holds` is true. Each type is searched once, so a type that contains
 * itself ends the search; a type `enters` refuses is not searched.
 */
export function someReachableInputField(
  type: GraphQLInputType,
  holds: (field: GraphQLInputField, owner: GraphQLInputObjectType) => boolean,
  enters: (type: GraphQLInputObjectType) => boolean = () => true,
): boolean {
  const seen = new Set<GraphQLInputObjectType>();
  const search = (current: GraphQLInputType): boolean => {
    const named = getNamedType(current);
    if (!isInputObjectType(named) || seen.has(named) || !enters(named)) return false;
    seen.add(named);
    return Object.values(named.getFields()).some((field) => holds(field, named) || search(field.type));
  };
  return search(type);
}
