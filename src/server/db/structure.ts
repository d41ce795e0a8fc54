import pg from "pg";

/**
 * A canonical description of what Prisma manages in the `public` schema: tables, columns, enums,
 * indexes and constraints. Two databases with equal descriptions have no drift between them.
 * Triggers, functions and data (which migrations may add by hand) are deliberately left out.
 */
export async function describeStructure(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `select 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
         || coalesce(' p' || numeric_precision || ',' || numeric_scale, '') || ' null=' || is_nullable || ' default=' || coalesce(column_default, '-') as line
       from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`,
      `select 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as line
       from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
       where n.nspname = 'public' group by t.typname`,
      `select 'index ' || indexdef as line from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations'`,
      `select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(c.oid) as line
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       where n.nspname = 'public' and conrelid::regclass::text <> '_prisma_migrations'`,
    ];
    const lines: string[] = [];
    for (const sql of queries) lines.push(...(await client.query<{ line: string }>(sql)).rows.map((r) => r.line));
    return lines.sort();
  } finally {
    await client.end();
  }
}
