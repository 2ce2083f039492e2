/**
 * 全局ID — Relay global ids, and who may read an object through `node(id:)` / `nodes(ids:)`.
 *
 * A global id is base64 of `<Type>:<key>` (Relay's convention): opaque to clients, unique across types.
 * Every type that implements `Node` registers, next to its definition, the same rule as the field that
 * reads it normally (`nodeAccess`): its scopes, and which rows the caller's jurisdiction may see. So a
 * caller gets through `node` exactly what the direct field would give it — FORBIDDEN where the field
 * refuses, null where the field would not find the row — and personal data stays masked, because the
 * type's own fields mask it for every path. A type without a rule cannot be read through `node`.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { badInput, forbidden, unauthenticated } from "../../gateway/errors.ts";
import type { Jurisdiction } from "./jurisdiction.ts";

export interface GlobalId {
  typename: string;
  id: string;
}

/** May this caller read the object with this key? true: yes; false: as if it did not exist. Throws to refuse. */
export type NodeRule = (ctx: GatewayContext, key: string) => boolean | Promise<boolean>;

const rules = new Map<string, NodeRule>();

/** Registers the rule of a Node type (once, where the type is defined). */
export function nodeAccess(typename: string, rule: NodeRule): void {
  if (rules.has(typename)) throw new Error(`node access for ${typename} is registered twice`);
  rules.set(typename, rule);
}

/** the Node types with a rule (a test checks every type implementing Node has one) */
export const typesWithNodeAccess = (): string[] => [...rules.keys()];

const badGlobalId = (text: string) =>
  badInput(`Not a global id of this API (全局ID): ${JSON.stringify(text.slice(0, 80))}`, { reason: "BAD_GLOBAL_ID" });

export function encodeGlobalId(typename: string, key: string | number | bigint): string {
  return Buffer.from(`${typename}:${key}`, "utf8").toString("base64");
}

/** The type and key inside a global id; BAD_USER_INPUT / BAD_GLOBAL_ID for anything this API did not issue. */
export function decodeGlobalId(globalId: string): GlobalId {
  const text = Buffer.from(globalId, "base64").toString("utf8");
  const colon = text.indexOf(":");
  const typename = text.slice(0, colon);
  const id = text.slice(colon + 1);
  // the round trip rejects strings that are not base64, or not of a `<Type>:<key>` text
  if (colon < 1 || id === "" || !/^[A-Z][A-Za-z]*$/.test(typename) || encodeGlobalId(typename, id) !== globalId) {
    throw badGlobalId(globalId);
  }
  return { typename, id };
}

/** The key inside a global id that must name an object of `typename` (an argument such as `acknowledgeWarning(id:)`). */
export function keyOf(typename: string, globalId: string | number | bigint): string {
  const decoded = decodeGlobalId(String(globalId));
  if (decoded.typename !== typename) {
    throw badInput(`The id names a ${decoded.typename}, not a ${typename} (全局ID)`, {
      reason: "BAD_GLOBAL_ID",
      expected: typename,
    });
  }
  return decoded.id;
}

/** The key inside a global id of `typename`, or null for text that is not one (free text that may name an object). */
export function keyOrNull(typename: string, text: string): string | null {
  try {
    return keyOf(typename, text);
  } catch {
    return null;
  }
}

/** Applies the type's rule: true to load the node, false for null; throws BAD_GLOBAL_ID or a refusal. */
export async function admitNode(ctx: GatewayContext, { typename, id }: GlobalId): Promise<boolean> {
  const rule = rules.get(typename);
  if (!rule) throw badGlobalId(encodeGlobalId(typename, id));
  return rule(ctx, id);
}

/**
 * The refusal of the scope-auth plugin (schema/builder.ts), for rules that check scopes themselves:
 * no token → 401 UNAUTHENTICATED; a token without the right → 403 FORBIDDEN.
 */
export function authRefusal(ctx: Pick<GatewayContext, "caller">) {
  return ctx.caller
    ? forbidden("This token may not do that: its issuer or scopes do not allow it")
    : unauthenticated("A bearer token is required", "MISSING_TOKEN");
}

/** Throws the scope-auth refusal unless the caller holds `scope` (and, if given, is of `issuer`). */
export function requireScope(ctx: Pick<GatewayContext, "caller">, scope: string, issuer?: Jurisdiction): void {
  const caller = ctx.caller;
  if (!caller?.scopes.has(scope) || (issuer && caller.issuer !== issuer)) throw authRefusal(ctx);
}

/** The rule of a type every holder of `scope` (of `issuer`, if given) reads whole, as its list field does. */
export const readableWith =
  (scope: string, issuer?: Jurisdiction): NodeRule =>
  (ctx) => {
    requireScope(ctx, scope, issuer);
    return true;
  };
