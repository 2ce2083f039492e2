/**
 * The repository stands on its own: no tracked file sends a reader to a document outside it. What the code
 * relies on is written down in docs/ (law, identifiers, architecture, performance notes, Prisma offline).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// the team's notes beside the repository, and the ways out to them (joined from pieces: this file must not match)
const OUTSIDE = new RegExp(
  [
    "DOMAIN\\.md",
    "ARCHITECTURE\\.md",
    "CONVENTIONS\\.md",
    ["PERFORMANCE", "NOTES"].join("-"),
    ["PRISMA", "OFFLINE"].join("-"),
    "\\.\\./shared",
    ["/work", "shared"].join("/"),
  ].join("|"),
);

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .split("\0")
    .filter(Boolean);
}

describe("the repository", () => {
  it("names no document outside it", () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const references: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(path.join(ROOT, file), "utf8");
      } catch {
        continue; // deleted in the working tree, not yet in the index
      }
      text.split("\n").forEach((line, index) => {
        if (OUTSIDE.test(line)) references.push(`${file}:${index + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(references).toEqual([]);
  });

  it("recognises such a reference", () => {
    expect(OUTSIDE.test(`see ../${"shared"}/${"DOMAIN"}.md §3.1`)).toBe(true);
    expect(OUTSIDE.test(`(${["PERFORMANCE", "NOTES"].join("-")}.md)`)).toBe(true);
    expect(OUTSIDE.test("see docs/performance-notes.md and docs/prisma-offline.md")).toBe(false);
  });
});
