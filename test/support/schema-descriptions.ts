/** The schema coordinates that have no description (test/schema/descriptions.test.ts). */
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { schema } from "../../schema/index.ts";

const described = (thing: { description?: string | null }) => Boolean(thing.description?.trim());

/** the schema coordinates (Type, Type.field, Type.field(argument:), Enum.VALUE) that have no description */
export function undescribedCoordinates(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!described(type)) missing.push(type.name);
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!described(value)) missing.push(`${type.name}.${value.name}`);
    }
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      if (type.name === "PageInfo" && described(type)) continue;
      const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = Object.values(type.getFields());
      for (const field of fields) {
        if (!described(field)) missing.push(`${type.name}.${field.name}`);
        const args: readonly GraphQLArgument[] = "args" in field ? field.args : [];
        for (const arg of args) if (!described(arg)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
  }
  return missing.sort();
}
