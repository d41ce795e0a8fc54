"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRuleName } from "~/components/levels/rule-name";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Input, Label, Select } from "~/components/ui/input";
import { ConditionFields } from "./condition-fields";
import { type FieldErrors, type Json, type Path, errorsAt, fieldId, getAt } from "./definition-state";
import { FieldProblems } from "./field-problems";
import { type ParamSchema, ParamFields } from "./param-fields";

export type Catalogue = {
  levels: readonly string[];
  comparators: readonly string[];
  metrics: Record<string, { title: string; figures: readonly string[]; params: unknown }>;
};

type Props = {
  definition: Json;
  index: number;
  catalogue: Catalogue;
  errors: FieldErrors | null;
  readOnly: boolean;
  onChange: (path: Path, next: Json | undefined) => void;
};

type Level = { level: string; when: Json };

/** One rule of the definition: its title, its metric's parameters and the condition of each level it fires. */
export function RuleFields({ definition, index, catalogue, errors, readOnly, onChange }: Props) {
  const t = useTranslations("ruleEditor.rule");
  const tLevels = useTranslations("levels");
  const ruleName = useRuleName();
  const tMetrics = useTranslations("ruleEditor.metrics");
  const path: Path = ["rules", index];
  const rule = getAt(definition, path) as { id: string; title: string; metric: string; levels: Level[] };
  const metric = catalogue.metrics[rule.metric];
  const titleId = fieldId([...path, "title"]);
  const unused = catalogue.levels.filter((l) => !rule.levels.some((entry) => entry.level === l));
  const headingId = `${fieldId(path)}-heading`;
  return (
    <Card aria-labelledby={headingId} data-rule={rule.id} className="flex flex-col gap-4">
      <div>
        <h3 id={headingId} className="text-base font-semibold">
          {ruleName(rule.id, rule.title)}
        </h3>
        <p className="text-xs text-slate-700">
          {rule.id} · {t("metric")}: {tMetrics.has(rule.metric as never) ? tMetrics(rule.metric as never) : (metric?.title ?? rule.metric)}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={titleId}>{t("title")}</Label>
        <Input id={titleId} value={rule.title} readOnly={readOnly} onChange={(e) => onChange([...path, "title"], e.target.value)} />
        <FieldProblems id={`${titleId}-problems`} problems={errorsAt(errors, [...path, "title"])} />
      </div>
      {metric && Object.keys((metric.params as ParamSchema).properties ?? {}).length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-semibold">{t("params")}</legend>
          <ParamFields
            schema={metric.params as ParamSchema}
            definition={definition}
            path={[...path, "params"]}
            errors={errors}
            readOnly={readOnly}
            onChange={onChange}
          />
        </fieldset>
      ) : null}
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-semibold">{t("levels")}</legend>
        {rule.levels.map((entry, levelIndex) => {
          const levelPath = [...path, "levels", levelIndex];
          const id = fieldId(levelPath);
          return (
            <div
              key={`${entry.level}-${levelIndex}`}
              className="flex flex-col gap-2 rounded-md border border-slate-300 p-3"
              data-level-entry={entry.level}
            >
              <div className="flex flex-wrap items-end gap-2">
                <div className="flex flex-col gap-1">
                  <Label htmlFor={`${id}-level`}>{t("level")}</Label>
                  <Select
                    id={`${id}-level`}
                    value={entry.level}
                    disabled={readOnly}
                    onChange={(e) => onChange([...levelPath, "level"], e.target.value)}
                  >
                    {catalogue.levels.map((l) => (
                      <option key={l} value={l}>
                        {tLevels(l as never)}
                      </option>
                    ))}
                  </Select>
                </div>
                {readOnly || rule.levels.length === 1 ? null : (
                  <Button type="button" variant="ghost" size="sm" onClick={() => onChange(levelPath, undefined)}>
                    <Trash2 />
                    {t("removeLevel")}
                  </Button>
                )}
              </div>
              <ConditionFields
                when={entry.when}
                path={[...levelPath, "when"]}
                figures={metric?.figures ?? []}
                comparators={catalogue.comparators}
                readOnly={readOnly}
                onChange={(next) => onChange([...levelPath, "when"], next)}
              />
              <FieldProblems id={`${id}-problems`} problems={errorsAt(errors, levelPath, true)} />
            </div>
          );
        })}
        {readOnly || unused.length === 0 ? null : (
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="self-start"
            onClick={() =>
              onChange([...path, "levels", rule.levels.length], {
                level: unused[0]!,
                when: { figure: metric?.figures[0] ?? "", op: ">=", than: 0 },
              })
            }
          >
            <Plus />
            {t("addLevel")}
          </Button>
        )}
      </fieldset>
      <FieldProblems
        id={`${fieldId(path)}-problems`}
        problems={errorsAt(errors, [...path, "id"]).concat(errorsAt(errors, [...path, "metric"]))}
      />
    </Card>
  );
}
