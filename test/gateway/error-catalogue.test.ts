/**
 * docs/errors.md cannot drift: it is printed from gateway/error-catalogue.ts, and every code and reason the
 * source answers (found by scanning gateway/ and schema/) must be in that catalogue — and nothing more.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CODES, REASONS } from "../../gateway/error-catalogue.ts";
import { renderErrorCatalogue } from "../../scripts/error-catalogue-doc.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CATALOGUE = "gateway/error-catalogue.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`) && file !== CATALOGUE);
}

const sources = [...sourceFiles("gateway"), ...sourceFiles("schema")].map((file) => ({
  file,
  text: readFileSync(path.join(ROOT, file), "utf8"),
}));

interface Use {
  name: string;
  /** the pattern's second group, where it has one */
  second: string;
  at: string;
}

function uses(pattern: RegExp, files = sources): Use[] {
  return files.flatMap(({ file, text }) =>
    [...text.matchAll(pattern)].map((m) => ({
      name: m[1] as string,
      second: m[2] ?? "",
      at: `${file}:${text.slice(0, m.index).split("\n").length}`,
    })),
  );
}

/**
 * `reason: "X"` in any thrower (not a type's `reason: "X" | "Y"`); the typed helpers of gateway/errors.ts check
 * the reasons passed through variables at compile time
 */
const thrownReasons = uses(/\breason: "([A-Z][A-Z0-9_]+)"(?!\s*\|)/g);
/** a code in an `extensions` object anywhere, and every `code: "X"` of the gateway's own refusals */
const thrownCodes = [
  ...uses(/extensions: \{(?:[^{}]|\{[^{}]*\})*?\bcode: "([A-Z][A-Z0-9_]+)"/g),
  ...uses(
    /\bcode: "([A-Z][A-Z0-9_]+)"/g,
    sources.filter(({ file }) => file.startsWith(`gateway${path.sep}`)),
  ),
];

describe("the error catalogue (docs/errors.md)", () => {
  it("is printed from gateway/error-catalogue.ts (run `npm run docs:errors` after changing it)", () => {
    expect(readFileSync(path.join(ROOT, "docs/errors.md"), "utf8")).toBe(renderErrorCatalogue());
  });

  it("lists every reason thrown in gateway/ and schema/", () => {
    expect(thrownReasons.length).toBeGreaterThan(30);
    const missing = thrownReasons
      .filter(({ name }) => !(name in REASONS))
      .map(
        ({ name, at }) =>
          `${at}: reason ${name} is not in ${CATALOGUE}. Add it to REASONS, e.g. ` +
          `\`${name}: input("中文术语", "When it is answered, in English."),\` (or { codes: [...], zh, when }), ` +
          "then run `npm run docs:errors`",
      );
    expect(missing).toEqual([]);
  });

  it("lists every code answered in gateway/ and schema/", () => {
    expect(thrownCodes.map((c) => c.name)).toEqual(expect.arrayContaining(["UNAUTHENTICATED", "NOT_ACCEPTABLE"]));
    const missing = thrownCodes
      .filter(({ name }) => !(name in CODES))
      .map(
        ({ name, at }) =>
          `${at}: code ${name} is not in ${CATALOGUE}. Add it to CODES with its status, zh, en, when and action ` +
          "(prefer an existing code with a new reason), then run `npm run docs:errors`",
      );
    expect(missing).toEqual([]);
  });

  it("gives each code the HTTP status the catalogue names, where the source sets one by hand", () => {
    // an `extensions` object with a code and an http status (gateway/errors.ts takes its statuses from CODES)
    const pairs = uses(/extensions: \{[^;]{0,200}?\bcode: "([A-Z][A-Z0-9_]+)"[^;]{0,80}?\bstatus: (\d{3})/g);
    const statusBefore = uses(/extensions: \{\s*http: \{\s*status: (\d{3})[^;]{0,80}?\bcode: "([A-Z][A-Z0-9_]+)"/g);
    expect(pairs.length + statusBefore.length).toBeGreaterThan(3);
    const wrong = [
      ...pairs.map(({ name, at, second }) => ({ code: name, status: Number(second), at })),
      ...statusBefore.map(({ name, at, second }) => ({ code: second, status: Number(name), at })),
    ]
      .filter(({ code, status }) => code in CODES && CODES[code as keyof typeof CODES].status !== status)
      .map(
        ({ code, status, at }) =>
          `${at}: ${code} answered with HTTP ${status}, ${CATALOGUE} says ${CODES[code as keyof typeof CODES].status}`,
      );
    expect(wrong).toEqual([]);
  });

  it("lists nothing the code no longer answers", () => {
    const everywhere = sources.map(({ text }) => text).join("\n");
    const stale = [...Object.keys(CODES), ...Object.keys(REASONS)]
      .filter((name) => !everywhere.includes(`"${name}"`))
      .map((name) => `${name} is in ${CATALOGUE} but no source in gateway/ or schema/ names it: remove it`);
    expect(stale).toEqual([]);
  });
});
