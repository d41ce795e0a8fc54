import { ComplaintCategory, ComplaintStatus } from "~/generated/prisma/enums";

/** The complaint enums in the order the import format lists them, for filters and the status form. */
export const COMPLAINT_STATUSES = Object.values(ComplaintStatus);
export const COMPLAINT_CATEGORIES = Object.values(ComplaintCategory);
