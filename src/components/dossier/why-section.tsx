import { useFormatter, useTranslations } from "next-intl";
import { RuleRecords } from "./rule-records";
import { calendarDay } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { LevelBadge } from "~/components/levels/level-badge";
import { useRuleName } from "~/components/levels/rule-name";
import { Alert } from "~/components/ui/alert";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import type { DepartmentExplanation, RuleExplanation } from "~/server/evaluations/explain-department";
import type { SizeBand } from "~/server/evaluations/peer-percentile";

const BAND_KEYS: Record<SizeBand, "small" | "medium" | "large" | "xlarge"> = {
  "<50": "small",
  "50-199": "medium",
  "200-999": "large",
  ">=1000": "xlarge",
};

/** Conditions are stored as text such as "Q ≥ 3 and C > 2 × M"; only the joining words need translating. */
function useCondition() {
  const t = useTranslations("dossier.why");
  return (condition: string) => condition.replaceAll(" and ", ` ${t("and")} `).replaceAll(" or ", ` ${t("or")} `);
}

function Percentile({ rule, kind }: { rule: RuleExplanation; kind: string }) {
  const t = useTranslations("dossier.why");
  const tKinds = useTranslations("kinds");
  const format = useFormatter();
  const { percentile, peers, band } = rule.percentile;
  if (percentile === null) return <span className="text-xs">{t("noPercentile", { peers })}</span>;
  return (
    <span className="text-xs">
      {t("percentileOf", {
        percentile: format.number(percentile / 100, "percent"),
        peers,
        kind: tKinds(kind as "MUNICIPAL").toLowerCase(),
        band: t(`bands.${BAND_KEYS[band]}`),
      })}
    </span>
  );
}

/**
 * Why the department has its level: the rules module's explanation of the evaluation run the level
 * comes from — each rule's value against its thresholds, the one crossed, the peer percentile within
 * the same kind and size band, and the records counted, each linking to its page.
 */
export function WhySection({ explanation }: { explanation: DepartmentExplanation | null }) {
  const t = useTranslations("dossier.why");
  const format = useFormatter();
  const ruleName = useRuleName();
  const condition = useCondition();
  const tLevels = useTranslations("levels");
  if (!explanation)
    return (
      <Section id="why" title={t("title")}>
        <p>{t("none")}</p>
      </Section>
    );
  const value = (v: number | null) => (v === null ? "—" : format.number(v, "decimal"));
  return (
    <Section id="why" title={t("title")}>
      <p className="text-sm text-slate-800">
        {t("source", {
          date: format.dateTime(calendarDay(explanation.asOf), "day"),
          ruleSet: explanation.ruleSet.id,
          version: explanation.ruleSet.version,
        })}
      </p>
      {explanation.insufficientData ? <p className="text-sm font-medium text-amber-900">{t("insufficient")}</p> : null}
      {explanation.warnings.length > 0 ? (
        <Alert data-testid="data-warnings">
          <p className="font-medium">{t("warnings")}</p>
          <ul className="list-disc pl-5">
            {explanation.warnings.map((w) => (
              <li key={w.code}>
                {t(`warningCodes.${w.code}`, {
                  count: "count" in w ? w.count : 0,
                  active: "active" in w ? w.active : 0,
                  authorized: "authorized" in w ? w.authorized : 0,
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Table data-testid="rules-table">
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("rule")}</TableHead>
            <TableHead scope="col">{t("level")}</TableHead>
            <TableHead scope="col" className="text-right">
              {t("value")}
            </TableHead>
            <TableHead scope="col">{t("threshold")}</TableHead>
            <TableHead scope="col">{t("percentile")}</TableHead>
            <TableHead scope="col">{t("recordsColumn")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {explanation.rules.map((rule) => (
            <TableRow key={rule.id} data-rule={rule.id} className="align-top">
              <TableHead scope="row" className="font-normal">
                {ruleName(rule.id, rule.title)}
                <p className="text-xs text-slate-700">
                  {t("thresholds")}: {rule.thresholds.map((th) => `${condition(th.condition)} → ${tLevels(th.level)}`).join("; ")}
                </p>
              </TableHead>
              <TableCell>
                <LevelBadge level={rule.level} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{value(rule.value)}</TableCell>
              <TableCell className="text-sm">{rule.threshold === null ? t("notFired") : condition(rule.threshold)}</TableCell>
              <TableCell>
                <Percentile rule={rule} kind={explanation.department.kind} />
              </TableCell>
              <TableCell>
                <RuleRecords rule={rule} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
