/**
 * Named Relay connection types: `<Node>Connection` / `<Node>Edge`, one pair per node type, instead of
 * Pothos' default names built from the field (`QueryEnterprisesConnection`). Pass the result as the
 * second and third argument of `t.prismaConnection` / `t.relatedConnection`.
 *
 * `totalCount` is described here once. It costs one COUNT query with the list's own filter, run only
 * when the field is selected (Pothos calls the count function from the field's resolver, and a page that
 * selects only `totalCount` reads no rows); a page without `totalCount` counts nothing.
 */
import { builder } from "../builder.ts";

/** counts of the big, ever-growing tables (records, audit trail) stop here; see `cappedCount` */
export const TOTAL_COUNT_CAP = 10_000;

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type CountableConnection = { totalCount?: number | (() => number | Promise<number>) };

const EXACT_COUNT =
  "总数 — how many match the filter (all pages). One COUNT with the same filter, run only when this field is selected: leave it out when paging";
const CAPPED_COUNT = `总数 — how many match the filter (all pages), counted up to ${TOTAL_COUNT_CAP}: a larger match answers ${TOTAL_COUNT_CAP} (read it as "${TOTAL_COUNT_CAP} or more"). A COUNT over at most ${TOTAL_COUNT_CAP} index entries, run only when this field is selected: leave it out when paging`;

/** replaces Pothos' undescribed totalCount (same resolver: a count function, or a number already loaded) */
const totalCountField =
  (description: string) => (t: PothosSchemaTypes.ObjectFieldBuilder<Types, CountableConnection>) => ({
    totalCount: t.int({
      description,
      // tells Pothos a selection of only totalCount needs no rows
      extensions: { pothosPrismaTotalCount: true },
      resolve: (connection) =>
        typeof connection.totalCount === "function" ? connection.totalCount() : (connection.totalCount ?? 0),
    }),
  });

/**
 * The connection and edge options of a list of `node` (a GraphQL type name).
 * `what`: the Chinese term and English gloss of one node, e.g. "企业 — an enterprise".
 */
export function connectionTypes(node: string, what: string, options: { cappedCount?: boolean } = {}) {
  return [
    {
      name: `${node}Connection`,
      description: `${what}: one page of a list (Relay connection) — edges with their cursors, pageInfo, totalCount`,
      // Pothos types a connection's `fields` against each field's own shape; this one reads only totalCount
      fields: totalCountField(options.cappedCount ? CAPPED_COUNT : EXACT_COUNT) as never,
    },
    {
      name: `${node}Edge`,
      description: `${what}: one entry of a page, with the cursor to continue after (or before) it`,
    },
  ] as const;
}

const shared = new Map<string, ReturnType<typeof defineConnection>>();

function defineConnection(node: string, what: string, options: { cappedCount?: boolean }) {
  const [connection, edge] = connectionTypes(node, what, options);
  return builder.connectionObject({ type: node as never, ...connection }, edge);
}

/**
 * One `<Node>Connection` type shared by every field that lists `node` (e.g. `officers` and
 * `expiringCertificates`): pass it as the second argument of `t.prismaConnection`.
 */
export function sharedConnection(node: string, what: string, options: { cappedCount?: boolean } = {}) {
  let connection = shared.get(node);
  if (!connection) {
    connection = defineConnection(node, what, options);
    shared.set(node, connection);
  }
  return connection;
}

/**
 * A COUNT that stops after TOTAL_COUNT_CAP matching rows (Prisma's `count` with `take` counts over a
 * LIMIT subquery), for the tables that grow without end: an integrator's "how many" stays cheap.
 */
export function cappedCount<Where>(
  model: { count(args: { where: Where; take: number }): Promise<number> },
  where: Where,
): Promise<number> {
  return model.count({ where, take: TOTAL_COUNT_CAP });
}
