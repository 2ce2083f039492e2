/**
 * The 8 domains (执法领域) of the New Area's shared list.
 *
 * The official 125-item list and its domain names are not public (docs/law.md, "Not verified"). 应急管理, 生态环境 and
 * 规划与自然资源 are the three the brief names. The other five are a plausible guess after Chongqing's
 * "7+1" comprehensive-enforcement structure (《重庆市大综合一体化行政执法条例》: 城市管理、市场监管、
 * 生态环境、文化旅游、交通运输、应急管理、农业 + 乡镇) — UNVERIFIED for the New Area.
 */
import type { SeedDomain } from "./types.ts";

export const domains: SeedDomain[] = [
  { code: "EMERGENCY", name: "应急管理", nameEn: "Emergency management and work safety", sortOrder: 1 },
  { code: "ECOLOGY", name: "生态环境", nameEn: "Ecology and environment", sortOrder: 2 },
  { code: "PLANNING_RESOURCES", name: "规划与自然资源", nameEn: "Planning and natural resources", sortOrder: 3 },
  // The five below: guessed after the "7+1" structure (docs/law.md), not confirmed for 高竹新区.
  { code: "MARKET", name: "市场监管", nameEn: "Market regulation", sortOrder: 4 },
  { code: "URBAN", name: "城市管理", nameEn: "Urban management", sortOrder: 5 },
  { code: "TRANSPORT", name: "交通运输", nameEn: "Transport", sortOrder: 6 },
  { code: "AGRICULTURE", name: "农业农村", nameEn: "Agriculture and rural affairs", sortOrder: 7 },
  { code: "CULTURE_TOURISM", name: "文化旅游", nameEn: "Culture and tourism", sortOrder: 8 },
];
