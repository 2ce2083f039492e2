/**
 * 应急管理 (3/3): inspection and coercion items. docs/law.md gives no article for them, so each names its law
 * only (article null, unverified). 危险化学品 items move to 危险化学品安全法 on 2026-05-01 (docs/law.md).
 */
import { type Empowerer, type ItemDraft, lawItem } from "./build.ts";
import { LAW, type Law, named } from "./legal.ts";

const D = "EMERGENCY";
const S = LAW.safety;
const inspect = (name: string, by: Empowerer, laws: Law[] = [S]) => lawItem(D, "INSPECTION", by, name, laws);
const coerce = (name: string, by: Empowerer, laws: Law[] = [S]) => lawItem(D, "COERCION", by, name, laws);
const HAZCHEM: Law[] = [LAW.hazchemRegulation, LAW.hazchemLaw];

export const emergencyCheckItems: ItemDraft[] = [
  inspect("对生产经营单位执行安全生产法律、法规和国家标准或者行业标准情况的行政检查", "gz"),
  inspect("对生产经营单位重大事故隐患排查治理情况的行政检查", "gz"),
  inspect("对生产经营单位安全生产教育和培训情况的行政检查", "sc"),
  inspect("对危险化学品生产、经营、储存单位安全生产条件的行政检查", "gz", HAZCHEM),
  inspect("对危险化学品使用单位安全管理情况的行政检查", "sc", HAZCHEM),
  inspect("对工贸企业有限空间作业安全的行政检查", "gz", [S, named("工贸企业有限空间作业安全规定")]),
  inspect("对工贸企业粉尘防爆安全的行政检查", "cq", [S, named("工贸企业粉尘防爆安全规定")]),
  inspect("对生产经营单位生产安全事故应急预案制定、演练情况的行政检查", "gz", [named("生产安全事故应急条例")]),
  inspect("对烟花爆竹经营单位安全条件的行政检查", "sc", [named("烟花爆竹安全管理条例")]),
  coerce("对不符合保障安全生产的国家标准或者行业标准的设施、设备、器材予以查封或者扣押的行政强制", "gz"),
  coerce("对违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押的行政强制", "gz"),
  coerce("查封违法生产、储存、使用、经营危险物品的作业场所的行政强制", "cq"),
  coerce("查封、扣押违法生产、储存、使用、经营危险化学品的场所、设施、设备和危险化学品的行政强制", "gz", HAZCHEM),
  coerce("查封、扣押非法生产、经营的烟花爆竹和原材料的行政强制", "sc", [named("烟花爆竹安全管理条例")]),
];
