/**
 * The 125 enforcement items (illustrative: the official list is not public, docs/law.md), in catalog
 * order. Unified codes GZ-001… follow this order, so append new items at the end of their domain file
 * only with care: codes are identities.
 */
import { finalizeItems } from "./build.ts";
import { ecologyAirWaterItems } from "./items-ecology.ts";
import { ecologyWasteItems } from "./items-ecology-waste.ts";
import { emergencyDutyItems } from "./items-emergency.ts";
import { emergencyAccidentItems } from "./items-emergency-accidents.ts";
import { emergencyCheckItems } from "./items-emergency-checks.ts";
import { agricultureItems, cultureTourismItems, marketItems, transportItems, urbanItems } from "./items-others.ts";
import { planningItems } from "./items-planning.ts";
import type { SeedItem } from "./types.ts";

export const items: SeedItem[] = finalizeItems([
  ...emergencyDutyItems,
  ...emergencyAccidentItems,
  ...emergencyCheckItems,
  ...ecologyAirWaterItems,
  ...ecologyWasteItems,
  ...planningItems,
  ...marketItems,
  ...urbanItems,
  ...transportItems,
  ...agricultureItems,
  ...cultureTourismItems,
]);
