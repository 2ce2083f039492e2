/**
 * GraphiQL that works on an intranet (政务外网, no Internet): yoga's default page loads its CSS, script and
 * editor workers from a public CDN and stays blank offline. Here the page references the same GraphiQL
 * build that `@graphql-yoga/render-graphiql` ships inside node_modules, served by the gateway itself under
 * `/graphiql/assets/` (cached by the browser, not inlined into every page: the bundle is 9 MB).
 *
 * Two things yoga's page gets wrong for a newcomer are put right before GraphiQL starts:
 * - the example operations (graphiql-examples.ts) are the editor's content on a first visit — GraphiQL's
 *   `initialQuery`, which wins over yoga's welcome text (`defaultQuery` does not);
 * - a token saved by an earlier run (localStorage) is replaced by this run's development token, which the
 *   gateway signed with this run's keys: the old one would only earn UNAUTHENTICATED.
 */
import type { Plugin } from "graphql-yoga";

export const GRAPHIQL_ASSETS_PATH = "/graphiql/assets/";

export interface GraphiQLPageOptions {
  title: string;
  /** the operations in the editor on a first visit */
  examples: string;
  /** development only: the gz token GraphiQL sends, replacing any saved one */
  token?: string;
}

type Bundle = typeof import("@graphql-yoga/render-graphiql/graphiql");

/** file name → [content type, the bundle's export] */
const ASSETS: Record<string, [string, keyof Bundle]> = {
  "graphiql.js": ["text/javascript; charset=utf-8", "js"],
  "graphiql.css": ["text/css; charset=utf-8", "css"],
  "editor.worker.js": ["text/javascript; charset=utf-8", "editorWorkerService"],
  "json.worker.js": ["text/javascript; charset=utf-8", "jsonWorker"],
  "graphql.worker.js": ["text/javascript; charset=utf-8", "graphqlWorker"],
};

let bundle: Promise<Bundle> | undefined;
/** loaded on the first GraphiQL request, not at start: 9 MB of strings that production never needs */
const loadBundle = () => {
  bundle ??= import("@graphql-yoga/render-graphiql/graphiql");
  return bundle;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** JSON that is safe inside a <script> element */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function renderGraphiQLPage({ title, examples, token }: GraphiQLPageOptions): string {
  const headers = token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : undefined;
  const options = {
    title,
    defaultQuery: examples,
    initialQuery: examples,
    headers,
    defaultHeaders: headers,
  };
  const assets = GRAPHIQL_ASSETS_PATH;
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${assets}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script>
      (function () {
        var options = ${scriptJson(options)};
        var token = ${scriptJson(token ?? null)};
        // this run's token replaces a saved one (an earlier run signed it with other keys)
        if (token) {
          for (var i = 0; i < localStorage.length; i++) {
            var key = localStorage.key(i);
            var value = localStorage.getItem(key);
            if (value && /Bearer [\\w.-]+/.test(value)) {
              localStorage.setItem(key, value.replace(/Bearer [\\w.-]+/g, "Bearer " + token));
            }
          }
        }
        // a first visit opens with the examples; a returning one keeps the tabs it saved
        var saved = Object.keys(localStorage).some(function (k) { return /(^|:)(tabState|query)$/.test(k); });
        if (saved) delete options.initialQuery;
        window.GRAPHIQL_OPTIONS = options;
        var workers = {
          editorWorkerService: "${assets}editor.worker.js",
          json: "${assets}json.worker.js",
          graphql: "${assets}graphql.worker.js",
        };
        self.MonacoEnvironment = {
          globalAPI: false,
          getWorkerUrl: function (_moduleId, label) { return workers[label] || workers.editorWorkerService; },
        };
      })();
    </script>
    <script src="${assets}graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), window.GRAPHIQL_OPTIONS);
    </script>
  </body>
</html>`;
}

/** Serves the GraphiQL build from node_modules under /graphiql/assets/ (only when GraphiQL is on). */
export function useGraphiQLAssets(): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS_PATH) || request.method !== "GET") return;
      const asset = ASSETS[url.pathname.slice(GRAPHIQL_ASSETS_PATH.length)];
      if (!asset) {
        endResponse(new fetchAPI.Response("not found", { status: 404 }));
        return;
      }
      const [contentType, name] = asset;
      const content = (await loadBundle())[name];
      endResponse(
        new fetchAPI.Response(content, {
          headers: { "content-type": contentType, "cache-control": "public, max-age=3600" },
        }),
      );
    },
  };
}
