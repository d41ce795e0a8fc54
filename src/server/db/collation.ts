import { Prisma } from "../../generated/prisma/client";

/**
 * Spanish order for names ("Álvaro Obregón" before "Zitácuaro", "Ávila" before "Zamora", ñ after n):
 * the databases are created with the C collation, which orders by byte. `es-x-icu` is one of the ICU
 * collations PostgreSQL creates at initdb, on the embedded server and on Debian's PostgreSQL 15 alike
 * (tests/integration/collation.test.ts). The browser uses the same order (src/components/format/collate.ts).
 */
export const SPANISH_COLLATION = Prisma.raw(`collate "es-x-icu"`);

/** `expression collate "es-x-icu"`, for an `order by`. */
export const spanishOrder = (expression: Prisma.Sql) => Prisma.sql`${expression} ${SPANISH_COLLATION}`;

/** The states in Spanish name order (the filters' and forms' choices), optionally only one. */
export function statesByNameSql(onlyState: string | null): Prisma.Sql {
  return Prisma.sql`select code, name from "State" where ${onlyState ? Prisma.sql`code = ${onlyState}` : Prisma.sql`true`}
    order by ${spanishOrder(Prisma.sql`name`)}, code`;
}
