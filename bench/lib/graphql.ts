/** One GraphQL request before a load (to check the answer and take it as the expected body), and schema probes. */
import { buildSchema, type GraphQLSchema } from "graphql";

export interface Answer {
  status: number;
  /** the exact response body, compared with every response under load */
  text: string;
  data: Record<string, unknown> | null;
}

export async function askOnce(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  let parsed: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: unknown }> };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  if (response.status !== 200 || parsed.errors?.length) {
    const first = parsed.errors?.[0];
    throw new Error(
      `${url} answered ${response.status}: ${first ? `${first.message} ${JSON.stringify(first.extensions ?? {})}` : text.slice(0, 200)}`,
    );
  }
  return { status: response.status, text, data: parsed.data ?? null };
}

/** The schema a server reports (its SDL), or null when it reports none. */
export function schemaOf(info: Record<string, unknown>): GraphQLSchema | null {
  return typeof info.sdl === "string" ? buildSchema(info.sdl) : null;
}

/** true when `Type.field` exists, e.g. `hasField(schema, "Query", "matchDiscretion")` */
export function hasField(schema: GraphQLSchema | null, typeName: string, field: string): boolean {
  const type = schema?.getType(typeName);
  return Boolean(type && "getFields" in type && field in type.getFields());
}
