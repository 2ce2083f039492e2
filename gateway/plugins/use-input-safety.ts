/**
 * Every argument, at the edge: text PostgreSQL cannot store (NUL, lone surrogates), hidden characters in
 * names, and the size limits of schema/common/rules/field-limits.ts — refused before anything runs, with
 * 400 BAD_USER_INPUT and the reason (INVALID_TEXT, INVALID_NAME, FIELD_TOO_LONG, PAYLOAD_TOO_LARGE,
 * PAYLOAD_TOO_DEEP) naming the field. Without it such a value reached the database and failed the
 * request with an unexplained 500 (or, in a search, matched nothing for an obscure reason).
 *
 * Inputs of the `perRecord` types are left to their resolvers, which refuse one record of a batch and
 * store the others (records are quarantined, library records reported) with the same rules.
 *
 * Cost: what to check is worked out once per document (yoga reuses parsed documents) — the literals are
 * checked then, and only the variables that reach a text or JSON argument are walked per request.
 */
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  type ValueNode,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import {
  checkJsonSize,
  checkTextSize,
  DEFAULT_JSON_LIMIT,
  limitOf,
  type SizeProblemCode,
} from "../../schema/common/rules/field-limits.ts";
import {
  findNameProblem,
  findUnsafeText,
  isNameField,
  type TextProblemCode,
} from "../../schema/common/rules/text-safety.ts";
import { badInput } from "../errors.ts";
import { someReachableInputField } from "../util/input-type-search.ts";

export interface InputSafetyOptions {
  /** input types checked per record by their resolvers, e.g. RecordInput */
  perRecord: readonly string[];
}

export interface InputProblem {
  code: SizeProblemCode | TextProblemCode;
  path: string;
  message: string;
}

/** a variable that reaches a checked argument: walked per request */
interface VariableUse {
  name: string;
  type: GraphQLInputType;
  coordinate: string;
  /** where it is used, e.g. `input.name`: what a refusal names */
  path: string;
}

interface DocumentPlan {
  literalProblem: InputProblem | null;
  variables: VariableUse[];
  /** the document's variable defaults: what a variable the request leaves out stands for */
  defaults: Map<string, unknown>;
}

type Check = (value: unknown, type: GraphQLInputType, coordinate: string, path: string) => InputProblem | null;

function scalarProblem(value: unknown, typeName: string, coordinate: string, path: string): InputProblem | null {
  if (typeName === "JSON")
    return findUnsafeText(value, path) ?? checkJsonSize(value, path, limitOf(coordinate, DEFAULT_JSON_LIMIT));
  if (typeof value !== "string" || (typeName !== "String" && typeName !== "ID")) return null;
  return (
    (isNameField(coordinate) ? findNameProblem(value, path) : findUnsafeText(value, path)) ??
    checkTextSize(value, path, limitOf(coordinate))
  );
}

/** an input object's field as the check walks it: its schema coordinate worked out once */
interface CheckedField {
  name: string;
  type: GraphQLInputType;
  coordinate: string;
}

/** the scalars whose values `scalarProblem` checks; every other scalar passes as it is */
const TEXT_SCALARS = new Set(["String", "ID", "JSON"]);

/**
 * Whether a value of `type` can hold anything `scalarProblem` refuses: text (String, ID), JSON, or an input object
 * from which such a field can be reached. Enums, numbers, booleans and the other custom scalars never can, nor can a
 * `perRecord` input (its resolver checks it), so the walk skips them: a case's facts are a dozen such fields.
 */
function textReach(perRecord: ReadonlySet<string>): (type: GraphQLInputType) => boolean {
  const known = new WeakMap<GraphQLInputObjectType, boolean>();
  const holdsText = (field: GraphQLInputField) => TEXT_SCALARS.has(getNamedType(field.type).name);
  const checkedHere = (type: GraphQLInputObjectType) => !perRecord.has(type.name);
  return (type) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return TEXT_SCALARS.has(named.name);
    let answer = known.get(named);
    if (answer === undefined) {
      answer = someReachableInputField(named, holdsText, checkedHere);
      known.set(named, answer);
    }
    return answer;
  };
}

function checker(perRecord: ReadonlySet<string>, reachesText: (type: GraphQLInputType) => boolean): Check {
  const fields = new WeakMap<GraphQLInputObjectType, CheckedField[]>();
  const fieldsOf = (type: GraphQLInputObjectType) => {
    let checked = fields.get(type);
    if (!checked) {
      checked = Object.values(type.getFields())
        .filter((f) => reachesText(f.type))
        .map((f) => ({ name: f.name, type: f.type, coordinate: `${type.name}.${f.name}` }));
      fields.set(type, checked);
    }
    return checked;
  };
  /** the first problem at `path`; with `path` null, the walk builds no path (its problem's texts are not read) */
  const walk = (
    value: unknown,
    type: GraphQLInputType,
    coordinate: string,
    path: string | null,
  ): InputProblem | null => {
    if (value === null || value === undefined) return null;
    if (isNonNullType(type)) return walk(value, type.ofType, coordinate, path);
    if (isListType(type)) {
      const items = Array.isArray(value) ? value : [value];
      for (let i = 0; i < items.length; i++) {
        const problem = walk(items[i], type.ofType, coordinate, path === null ? null : `${path}[${i}]`);
        if (problem) return problem;
      }
      return null;
    }
    if (isInputObjectType(type)) {
      if (perRecord.has(type.name) || typeof value !== "object") return null;
      for (const field of fieldsOf(type)) {
        const at = path === null ? null : `${path}.${field.name}`;
        const problem = walk((value as Record<string, unknown>)[field.name], field.type, field.coordinate, at);
        if (problem) return problem;
      }
      return null;
    }
    return scalarProblem(value, getNamedType(type).name, coordinate, path ?? "");
  };
  // nearly every request has no problem: found without a path for each field, named once there is one
  return (value, type, coordinate, path) => walk(value, type, coordinate, null) && walk(value, type, coordinate, path);
}

/** A literal argument value as the JSON it stands for; variables inside it are noted, not resolved. */
function literalValue(
  node: ValueNode,
  type: GraphQLInputType,
  coordinate: string,
  path: string,
  uses: VariableUse[],
): unknown {
  if (node.kind === Kind.VARIABLE) {
    uses.push({ name: node.name.value, type, coordinate, path });
    return undefined;
  }
  const named = getNamedType(type);
  if (named.name === "JSON") {
    // a variable inside a JSON literal is put in its place when the literal is parsed: checked as JSON there
    visit(node, { Variable: (inside) => void uses.push({ name: inside.name.value, type: named, coordinate, path }) });
    return valueFromASTUntyped(node);
  }
  const inner = isNonNullType(type) ? type.ofType : type;
  if (node.kind === Kind.LIST && isListType(inner)) {
    return node.values.map((item, i) => literalValue(item, inner.ofType, coordinate, `${path}[${i}]`, uses));
  }
  if (node.kind === Kind.OBJECT && isInputObjectType(named)) {
    const fields = named.getFields();
    return Object.fromEntries(
      node.fields.flatMap((f) => {
        const def = fields[f.name.value];
        const at = `${named.name}.${def?.name}`;
        return def ? [[f.name.value, literalValue(f.value, def.type, at, `${path}.${def.name}`, uses)]] : [];
      }),
    );
  }
  return node.kind === Kind.STRING ? node.value : undefined;
}

function planOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  check: Check,
  reachesText: (type: GraphQLInputType) => boolean,
): DocumentPlan {
  const plan: DocumentPlan = { literalProblem: null, variables: [], defaults: new Map() };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(node) {
        if (node.defaultValue) plan.defaults.set(node.variable.name.value, valueFromASTUntyped(node.defaultValue));
      },
      Argument(node) {
        const arg = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!arg || !field || !parent) return;
        const coordinate = `${parent.name}.${field.name}(${arg.name}:)`;
        const value = literalValue(node.value, arg.type, coordinate, arg.name, plan.variables);
        plan.literalProblem ??= check(value, arg.type, coordinate, arg.name);
      },
    }),
  );
  plan.variables = plan.variables.filter((use) => reachesText(use.type));
  return plan;
}

/** the first problem of a document's arguments with these variables, or null: what `useInputSafety` refuses */
export type InputSafetyCheck = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: unknown,
) => InputProblem | null;

/** one per gateway: the plans of the documents it has seen are kept here (yoga and the read lane share them) */
export function inputSafetyCheck(options: InputSafetyOptions): InputSafetyCheck {
  const perRecord = new Set(options.perRecord);
  const reachesText = textReach(perRecord);
  const check = checker(perRecord, reachesText);
  const plans = new WeakMap<DocumentNode, DocumentPlan>();
  return (schema, document, variableValues) => {
    let plan = plans.get(document);
    if (!plan) {
      plan = planOf(schema, document, check, reachesText);
      plans.set(document, plan);
    }
    const variables = (variableValues ?? {}) as Record<string, unknown>;
    let problem = plan.literalProblem;
    for (const use of plan.variables) {
      if (problem) break;
      const value = Object.hasOwn(variables, use.name) ? variables[use.name] : plan.defaults.get(use.name);
      problem = check(value, use.type, use.coordinate, use.path);
    }
    return problem;
  };
}

/** refuses, before execution, what `problemOf` finds (a resolver of a `perRecord` input checks its records itself) */
export function useInputSafety(problemOf: InputSafetyCheck): Plugin {
  const refuse = ({ args, setResultAndStopExecution }: RefusableHook) => {
    const problem = problemOf(args.schema, args.document as DocumentNode, args.variableValues);
    if (problem) {
      setResultAndStopExecution({ errors: [badInput(problem.message, { reason: problem.code, field: problem.path })] });
    }
  };
  // subscriptions too: `changes(consumer:)` reaches the database like any argument
  return { onExecute: refuse, onSubscribe: refuse };
}

interface RefusableHook {
  args: { document: unknown; schema: GraphQLSchema; variableValues?: unknown };
  setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void;
}
