/**
 * Spanish order for names in the browser, the same order the database sorts them in (`collate
 * "es-x-icu"`, src/server/db/collation.ts): accents do not move a name to the end, ñ follows n, and
 * names differing only in case or accents still sort in a stable order.
 */
const spanish = new Intl.Collator("es", { usage: "sort", sensitivity: "variant", numeric: true });

export const compareNames = (a: string, b: string): number => spanish.compare(a, b);
