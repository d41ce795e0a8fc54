"use client";

import { Minus, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Input, Label, Select } from "~/components/ui/input";
import { type Json, type Path, fieldId, numberOrText } from "./definition-state";

type Comparison = { figure: string; op: string; than: Json };

const SYMBOLS: Record<string, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "=" };

/** The comparisons of a condition that is one comparison or `all` of comparisons; null for anything else. */
function asComparisons(when: Json): Comparison[] | null {
  const isComparison = (c: Json): c is Comparison => c !== null && typeof c === "object" && !Array.isArray(c) && "figure" in c;
  if (isComparison(when)) return [when];
  if (when && typeof when === "object" && !Array.isArray(when) && Array.isArray(when.all) && when.all.every(isComparison)) return when.all;
  return null;
}

const fromComparisons = (list: Comparison[]): Json => (list.length === 1 ? list[0]! : { all: list });

type Props = {
  when: Json;
  path: Path;
  figures: readonly string[];
  comparators: readonly string[];
  readOnly: boolean;
  onChange: (next: Json) => void;
};

/**
 * A level's condition. The usual shapes (one comparison, or several that must all hold) get a row per
 * comparison: figure, comparison, and a constant or another figure times a factor. Any other shape
 * (e.g. `any`) is edited as JSON, so the editor never hides part of a rule.
 */
export function ConditionFields(props: Props) {
  const comparisons = asComparisons(props.when);
  return comparisons ? <ComparisonRows {...props} comparisons={comparisons} /> : <ConditionJson {...props} />;
}

function ComparisonRows({ comparisons, path, figures, comparators, readOnly, onChange }: Props & { comparisons: Comparison[] }) {
  const t = useTranslations("ruleEditor.condition");
  const update = (index: number, next: Comparison) => onChange(fromComparisons(comparisons.map((c, i) => (i === index ? next : c))));
  return (
    <div className="flex flex-col gap-2">
      {comparisons.length > 1 ? <p className="text-xs text-slate-700">{t("all")}</p> : null}
      {comparisons.map((c, index) => {
        const id = fieldId([...path, index]);
        const other =
          typeof c.than === "object" && c.than !== null && !Array.isArray(c.than) ? (c.than as { figure?: Json; times?: Json }) : null;
        return (
          <div key={index} className="flex flex-wrap items-end gap-2" data-testid="comparison">
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${id}-figure`}>{t("figure")}</Label>
              <Select
                id={`${id}-figure`}
                value={c.figure}
                disabled={readOnly}
                onChange={(e) => update(index, { ...c, figure: e.target.value })}
              >
                {figures.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${id}-op`}>{t("op")}</Label>
              <Select id={`${id}-op`} value={c.op} disabled={readOnly} onChange={(e) => update(index, { ...c, op: e.target.value })}>
                {comparators.map((op) => (
                  <option key={op} value={op}>
                    {SYMBOLS[op] ?? op}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${id}-than`}>{t("value")}</Label>
              <Select
                id={`${id}-than`}
                value={other ? String(other.figure) : "__constant"}
                disabled={readOnly}
                onChange={(e) => update(index, { ...c, than: e.target.value === "__constant" ? 0 : { figure: e.target.value } })}
              >
                <option value="__constant">{t("constant")}</option>
                {figures.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </Select>
            </div>
            {other ? (
              <div className="flex flex-col gap-1">
                <Label htmlFor={`${id}-times`}>{t("times")}</Label>
                <Input
                  id={`${id}-times`}
                  className="w-24"
                  type="number"
                  step="any"
                  value={other.times === undefined ? "1" : String(other.times)}
                  readOnly={readOnly}
                  onChange={(e) => update(index, { ...c, than: { figure: other.figure ?? "", times: numberOrText(e.target.value) } })}
                />
              </div>
            ) : (
              <div className="flex flex-col gap-1">
                <Label htmlFor={`${id}-constant`}>{t("constant")}</Label>
                <Input
                  id={`${id}-constant`}
                  className="w-28"
                  type="number"
                  step="any"
                  value={String(c.than ?? "")}
                  readOnly={readOnly}
                  onChange={(e) => update(index, { ...c, than: numberOrText(e.target.value) })}
                />
              </div>
            )}
            {readOnly || comparisons.length === 1 ? null : (
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={t("remove")}
                onClick={() => onChange(fromComparisons(comparisons.filter((_, i) => i !== index)))}
              >
                <Minus />
              </Button>
            )}
          </div>
        );
      })}
      {readOnly ? null : (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="self-start"
          onClick={() => onChange(fromComparisons([...comparisons, { figure: figures[0] ?? "", op: ">=", than: 0 }]))}
        >
          <Plus />
          {t("add")}
        </Button>
      )}
    </div>
  );
}

function ConditionJson({ when, path, readOnly, onChange }: Props) {
  const t = useTranslations("ruleEditor.condition");
  const [text, setText] = useState(() => JSON.stringify(when, null, 2));
  const [invalid, setInvalid] = useState(false);
  const id = fieldId(path);
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{t("json")}</Label>
      <textarea
        id={id}
        className="min-h-24 rounded-md border border-slate-400 p-2 font-mono text-xs"
        value={text}
        readOnly={readOnly}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value) as Json);
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid ? <p className="text-sm text-red-800">{t("jsonInvalid")}</p> : null}
    </div>
  );
}
