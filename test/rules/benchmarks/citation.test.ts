import { describe, expect, it } from "vitest";
import {
  arabicArticles,
  chineseNumeral,
  chineseNumeralValue,
  legalBasisCitation,
} from "../../../schema/benchmarks/rules/citation.ts";

describe("citations read the same everywhere", () => {
  it.each([
    ["三十三", 33],
    ["一百一十二", 112],
    ["一百零一", 101],
    ["十五", 15],
    ["一千一百四十", 1140],
    ["九", 9],
  ])("reads %s as %i", (text, value) => {
    expect(chineseNumeralValue(text)).toBe(value);
  });

  it("writes small numbers as the statute writes sub-items", () => {
    expect([1, 5, 10, 12, 23].map(chineseNumeral)).toEqual(["一", "五", "十", "十二", "二十三"]);
  });

  it("rewrites articles and clauses in Arabic numerals, keeping sub-items as written", () => {
    expect(arabicArticles("行政处罚法 第三十三条第一款")).toBe("行政处罚法 第33条第1款");
    expect(arabicArticles("安全生产法 第一百一十二条")).toBe("安全生产法 第112条");
    expect(arabicArticles("第九十九条第(五)项")).toBe("第99条第(五)项");
    expect(arabicArticles("行政处罚法 第37条")).toBe("行政处罚法 第37条");
  });

  it("leaves a text with no article or clause in Chinese numerals as it is, and finds one anywhere in a step", () => {
    for (const text of ["适用第1阶次「轻微」", "第(三)项", "第三阶次", "第十", "十条", "第 三十三条", ""]) {
      expect(arabicArticles(text)).toBe(text);
    }
    expect(arabicArticles("3. 适用第1阶次「轻微」 (行政处罚法 第三十三条第一款，可以)")).toBe(
      "3. 适用第1阶次「轻微」 (行政处罚法 第33条第1款，可以)",
    );
    expect(arabicArticles("第二条、第三款、第3条")).toBe("第2条、第3款、第3条");
  });

  it("cites a legal basis by law and article, and says when the article is not known", () => {
    const base = {
      lawName: "中华人民共和国安全生产法",
      article: 99,
      clause: null,
      subItem: 5,
      citation: "第九十九条第(五)项",
    };
    expect(legalBasisCitation(base)).toBe("安全生产法 第99条第(五)项");
    expect(legalBasisCitation({ ...base, clause: 2, subItem: null })).toBe("安全生产法 第99条第2款");
    expect(
      legalBasisCitation({
        lawName: "中华人民共和国生态环境法典",
        article: null,
        clause: null,
        subItem: null,
        citation: "",
      }),
    ).toBe("生态环境法典 (条款待核实 — article not verified)");
  });
});
