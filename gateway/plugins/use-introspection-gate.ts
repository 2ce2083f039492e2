/**
 * Schema discovery off in production (issue #3: "introspection and GraphiQL off in production"):
 * - introspection through graphql-js's own NoSchemaIntrospectionCustomRule, added as a validation
 *   rule: maintained with graphql itself, no extra dependency (@graphql-yoga/plugin-disable-introspection
 *   is not installed, and does the same with this very rule). A refused `__schema`/`__type` is an
 *   ordinary validation error — HTTP 400 GRAPHQL_VALIDATION_FAILED, audited as REFUSED. `__typename`
 *   stays allowed: clients need it for unions;
 * - "Did you mean …?" field suggestions, which would otherwise let anyone rebuild the schema one
 *   guess at a time, are cut from validation messages.
 */
import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";

export interface IntrospectionGateOptions {
  /** false: refuse introspection queries and hide field suggestions */
  allowed: boolean;
}

const SUGGESTION = /\s*Did you mean .*\?$/;

export function useIntrospectionGate({ allowed }: IntrospectionGateOptions): Plugin {
  if (allowed) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ valid, result, setResult }) => {
        if (valid) return;
        setResult(
          result.map((error) =>
            SUGGESTION.test(error.message)
              ? new GraphQLError(error.message.replace(SUGGESTION, ""), {
                  nodes: error.nodes,
                  extensions: error.extensions,
                })
              : error,
          ),
        );
      };
    },
  };
}
