import { describe, expect, it } from "vitest";
import { buildCsv, csvField, UTF8_BOM } from "../../console/src/supervision/csv.ts";

describe("supervision CSV builder", () => {
  it("starts with the UTF-8 BOM and ends lines with CRLF", () => {
    const csv = buildCsv(["代码", "名称"], [["A_RATE", "A级占比"]]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}代码,名称\r\nA_RATE,A级占比\r\n`);
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("一\n二")).toBe('"一\n二"');
    expect(csvField("plain")).toBe("plain");
  });

  it("writes null and undefined as empty fields and numbers as printed", () => {
    expect(buildCsv(["v", "t", "p"], [[null, 0.95, undefined]])).toBe(`${UTF8_BOM}v,t,p\r\n,0.95,\r\n`);
  });
});
