import type { ImportKind } from "~/generated/prisma/enums";

/** The exchange format's files, in the order the upload select and the export links list them. */
export const IMPORT_KINDS: ImportKind[] = ["departments", "officers", "training", "vetting", "complaints"];
