/**
 * National-scale synthetic data for the rules benchmark, generated inside PostgreSQL with set-based
 * statements (`generate_series`), so a few statements write millions of rows. Every "random" choice
 * is `hashint8extended(row number, salt)`: the same parameters always give exactly the same data.
 */
import type pg from "pg";

export type BenchParameters = {
  departments: number;
  stateDepartments: number;
  activeOfficers: number;
  separatedOfficers: number;
  trainingPerOfficer: number;
  vettingPerOfficer: number;
  complaints: number;
  /** The last day of the ten years of history (and the benchmark's evaluation date). */
  asOf: string;
  /** Bumped whenever the generator changes, so an old dataset is regenerated, not reused. */
  generator: number;
};

export const NATIONAL: BenchParameters = {
  departments: 2_000,
  stateDepartments: 32,
  activeOfficers: 300_000,
  separatedOfficers: 200_000,
  trainingPerOfficer: 12,
  vettingPerOfficer: 3,
  complaints: 500_000,
  asOf: "2026-06-30",
  generator: 2,
};

const COURSES = [
  "FORMACION_INICIAL",
  "PROXIMIDAD",
  "DERECHOS_HUMANOS",
  "USO_FUERZA",
  "PRIMER_RESPONDIENTE",
  "CADENA_CUSTODIA",
  "TIRO",
  "MANDO",
];

/** u(x, salt) ∈ [0, 1): a deterministic pseudo-random number for row x. */
const u = (x: string, salt: number) => `((hashint8extended((${x})::bigint, ${salt}) & 2147483647)::float8 / 2147483648.0)`;
/** An integer in [0, n). */
const pick = (x: string, salt: number, n: number | string) => `floor(${u(x, salt)} * (${n}))::int`;

function statements(p: BenchParameters): { label: string; sql: string }[] {
  const officers = p.activeOfficers + p.separatedOfficers;
  const municipal = p.departments - p.stateDepartments;
  const start = `('${p.asOf}'::date - 3652)`;
  // Officers and complaints concentrate in few departments (a few large forces, many small ones):
  // 30 % go to the state forces, the rest to municipal forces with density falling as index².
  const departmentOf = (x: string, salt: number) =>
    `case when ${u(x, salt)} < 0.3 then 1 + ${pick(x, salt + 1, p.stateDepartments)}
          else ${p.stateDepartments + 1} + floor(${municipal} * power(${u(x, salt + 2)}, 2))::int end`;
  return [
    {
      label: "training courses",
      sql: `insert into "TrainingCourse" (code, "nameEs", "nameEn", "updatedAt")
            select c, c, c, now() from unnest(array[${COURSES.map((c) => `'${c}'`).join(",")}]) c on conflict do nothing`,
    },
    {
      label: `${p.departments} departments`,
      sql: `insert into "Department" (id, code, name, kind, "stateCode", "municipalityCode", "authorizedStrength", "updatedAt")
            select i, 'B-EST-' || s.code, 'Seguridad Pública del Estado ' || s.name, 'STATE'::"DepartmentKind", s.code, null, 2000 + ${pick("i", 11, 6000)}, now()
            from (select code, name, row_number() over (order by code) as i from "State") s
            where i <= ${p.stateDepartments}
            union all
            select ${p.stateDepartments} + m.i, 'B-MUN-' || m."stateCode" || m.code, 'Policía Municipal de ' || m.name, 'MUNICIPAL'::"DepartmentKind",
                   m."stateCode", m.code, case when ${u("m.i", 12)} < 0.05 then null else 10 + ${pick("m.i", 13, 800)} end, now()
            from (select "stateCode", code, name, row_number() over (order by "stateCode", code) as i from "Municipality") m
            where m.i <= ${municipal}`,
    },
    {
      // Numbered department by department, as per-department uploads would store them: a
      // department's officers (and, generated in that order, their records) sit together on disk.
      label: `${officers} officers (${p.activeOfficers} active)`,
      sql: `insert into "Officer" (id, "departmentId", "givenName", "familyName", "hiredOn", "separatedOn", "updatedAt")
            select 'BENCH' || lpad(n::text, 9, '0'), dep, 'Agente', 'Sintético ' || n, hired, separated, now()
            from (
              select row_number() over (order by dep, i) as n, dep, hired, separated
              from (
                select i, ${departmentOf("i", 21)} as dep, h.hired,
                       case when i > ${p.activeOfficers} then h.hired + 1 + ${pick("i", 25, "('" + p.asOf + "'::date - h.hired)")} end as separated
                from generate_series(1, ${officers}) i
                cross join lateral (select ('1990-01-01'::date + ${pick("i", 24, `'${p.asOf}'::date - '1990-01-01'::date`)}) as hired) h
              ) drawn
            ) numbered
            order by n`,
    },
    {
      // Record 0 is the academy course just before hiring (the initial course, except for about 8 %
      // of officers, who did MANDO instead); records 1.. fall in consecutive 180-day slots going back
      // from D and cycle through the other courses, so (officer, course, date) never repeats.
      label: `${officers * p.trainingPerOfficer} training records`,
      sql: `insert into "TrainingRecord" ("officerId", "courseCode", "completedOn", hours)
            select 'BENCH' || lpad(i::text, 9, '0'),
                   case when j > 0 then (array[${COURSES.slice(1, -1)
                     .map((c) => `'${c}'`)
                     .join(",")}])[1 + (j - 1) % ${COURSES.length - 2}]
                        when ${u("i", 31)} < 0.92 then 'FORMACION_INICIAL' else 'MANDO' end,
                   case when j = 0 then o."hiredOn" - 1 - ${pick("i", 35, 60)}
                        else '${p.asOf}'::date - (j - 1) * 180 - ${pick("i * 64 + j", 33, 180)} end,
                   (1000 + ${pick("i * 64 + j", 34, 3001)})::numeric / 100
            from generate_series(1, ${officers}) i
            join "Officer" o on o.id = 'BENCH' || lpad(i::text, 9, '0')
            cross join generate_series(0, ${p.trainingPerOfficer - 1}) j`,
    },
    {
      label: `${officers * p.vettingPerOfficer} vetting evaluations`,
      sql: `insert into "VettingEvaluation" ("officerId", "evaluatedOn", result, "validUntil")
            select 'BENCH' || lpad(i::text, 9, '0'), e.on_, r.result::"VettingResult",
                   case when r.result = 'APPROVED' then (e.on_ + interval '3 years')::date else e.on_ end
            from generate_series(1, ${officers}) i cross join generate_series(0, ${p.vettingPerOfficer - 1}) k
            cross join lateral (select ${start} + k * 1200 + ${pick("i * 8 + k", 41, 1200)} as on_) e
            cross join lateral (select case when ${u("i * 8 + k", 42)} < 0.95 then 'APPROVED'
                                            when ${u("i * 8 + k", 42)} < 0.965 then 'NOT_APPROVED' else 'PENDING' end as result) r`,
    },
    {
      label: `${p.complaints} complaints`,
      sql: `insert into "Complaint" (ref, "departmentId", "receivedOn", source, category, status, "resolvedOn", "updatedAt")
            select 'BQ-' || lpad(i::text, 9, '0'), dep, received, source, category, status::"ComplaintStatus",
                   case when status in ('SUSTAINED', 'NOT_SUSTAINED', 'UNFOUNDED', 'WITHDRAWN') then received + ${pick("i", 57, 400)} end, now()
            from (
              select i, ${departmentOf("i", 51)} as dep, ${start} + ${pick("i", 53, 3653)} as received,
                     (enum_range(null::"ComplaintSource"))[1 + ${pick("i", 54, 6)}] as source,
                     (enum_range(null::"ComplaintCategory"))[1 + floor(10 * sqrt(${u("i", 55)}))::int] as category,
                     (array['RECEIVED','INVESTIGATING','SUSTAINED','NOT_SUSTAINED','UNFOUNDED','WITHDRAWN'])[1 + ${pick("i", 56, 6)}] as status
              from generate_series(1, ${p.complaints}) i
            ) drawn
            order by dep, received`,
    },
    { label: "sequences", sql: `select setval(pg_get_serial_sequence('"Department"', 'id'), (select max(id) from "Department"))` },
  ];
}

/**
 * Fills an empty, migrated database. Foreign keys are not checked row by row while loading when the
 * role may switch replication mode (the generator only writes consistent keys); VACUUM ANALYZE at the end.
 */
export async function generate(client: pg.Client, p: BenchParameters, progress: (line: string) => void): Promise<void> {
  const replica = await client.query("set session_replication_role = replica").then(
    () => true,
    () => false,
  );
  for (const { label, sql } of statements(p)) {
    const started = performance.now();
    await client.query(sql);
    progress(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (replica) await client.query("set session_replication_role = origin");
  // What autovacuum would have done by the time anyone evaluates: statistics and the visibility map.
  const started = performance.now();
  await client.query("vacuum analyze");
  progress(`  vacuum analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
