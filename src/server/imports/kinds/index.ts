import type { ImportKind, KindSpec } from "../types";
import { complaints } from "./complaints";
import { departments } from "./departments";
import { officers } from "./officers";
import { training } from "./training";
import { vetting } from "./vetting";

/** The five file kinds of the exchange format, in dependency order (departments first). */
export const KIND_SPECS: Record<ImportKind, KindSpec> = { departments, officers, training, vetting, complaints };
export const IMPORT_KINDS = Object.keys(KIND_SPECS) as ImportKind[];

export function isImportKind(value: string): value is ImportKind {
  return Object.hasOwn(KIND_SPECS, value);
}
