"use client";

import { useTranslations } from "next-intl";
import { Input, Label } from "~/components/ui/input";
import { FieldProblems } from "./field-problems";
import { type FieldErrors, type Json, type Path, errorsAt, fieldId, getAt, jsonText, numberOrText } from "./definition-state";

/** The part of JSON Schema (as zod's toJSONSchema writes a metric's parameters) the form understands. */
export type ParamSchema = {
  type?: string;
  const?: Json;
  enum?: string[];
  items?: ParamSchema;
  properties?: Record<string, ParamSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
};

type Props = {
  schema: ParamSchema;
  definition: Json;
  path: Path;
  errors: FieldErrors | null;
  readOnly: boolean;
  onChange: (path: Path, next: Json | undefined) => void;
};

/** Where the labels of a choice's allowed values are (the complaint filters' enums). */
const ENUM_LABELS: Record<string, string> = {
  categories: "category",
  sources: "source",
  statuses: "complaintStatus",
  excludeStatuses: "complaintStatus",
};

/** A parameter's label; one a future metric adds before it is translated reads as its name, split into words. */
function useParamLabel() {
  const t = useTranslations("ruleEditor.params");
  return (name: string) => (t.has(name as never) ? t(name as never) : name.replace(/([A-Z])/g, " $1").toLowerCase());
}

/**
 * Inputs for a metric's parameters, generated from the JSON Schema of the zod schema the engine
 * validates them with: numbers, texts, yes/no, choices among the allowed values, nested groups.
 * Optional choices left empty are removed, as the engine wants them absent rather than empty.
 */
export function ParamFields({ schema, definition, path, errors, readOnly, onChange }: Props) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {Object.entries(schema.properties ?? {}).map(([name, field]) => (
        <ParamField
          key={name}
          name={name}
          schema={field}
          required={schema.required?.includes(name) ?? false}
          definition={definition}
          path={[...path, name]}
          errors={errors}
          readOnly={readOnly}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

function ParamField({ name, schema, required, ...props }: Props & { name: string; required: boolean }) {
  const t = useTranslations("enums");
  const words = useParamLabel();
  const { definition, path, errors, readOnly, onChange } = props;
  const id = fieldId(path);
  const value = getAt(definition, path);
  const problems = errorsAt(errors, path, schema.type === "object");
  const invalid = problems.length > 0;
  const label = (option: string) => {
    const key = `${ENUM_LABELS[name]}.${option}` as never;
    return t.has(key) ? t(key) : option;
  };

  if (schema.type === "object") {
    return (
      <fieldset className="col-span-full rounded-md border border-slate-300 p-3">
        <legend className="px-1 text-sm font-medium">{words(name)}</legend>
        <ParamFields {...props} schema={schema} />
        <FieldProblems id={`${id}-problems`} problems={problems} />
      </fieldset>
    );
  }
  if (schema.type === "array" && schema.items?.enum) {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    const toggle = (option: string) => {
      const next = chosen.includes(option) ? chosen.filter((c) => c !== option) : [...chosen, option];
      onChange(path, next.length === 0 && !required ? undefined : next);
    };
    return (
      <fieldset className="col-span-full" aria-describedby={invalid ? `${id}-problems` : undefined}>
        <legend className="text-sm font-medium">{words(name)}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {schema.items.enum.map((option) => (
            <label key={option} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={chosen.includes(option)} disabled={readOnly} onChange={() => toggle(option)} />
              {label(option)}
            </label>
          ))}
        </div>
        <FieldProblems id={`${id}-problems`} problems={problems} />
      </fieldset>
    );
  }
  if (schema.type === "boolean") {
    return (
      <div className="flex items-center gap-2 self-end">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          disabled={readOnly}
          onChange={(e) => onChange(path, e.target.checked ? true : required ? false : undefined)}
        />
        <Label htmlFor={id}>{words(name)}</Label>
        <FieldProblems id={`${id}-problems`} problems={problems} />
      </div>
    );
  }
  const numeric = schema.type === "integer" || schema.type === "number";
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{words(name)}</Label>
      <Input
        id={id}
        type={numeric ? "number" : "text"}
        step={schema.type === "integer" ? 1 : "any"}
        value={jsonText(value)}
        readOnly={readOnly || schema.const !== undefined}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-problems` : undefined}
        onChange={(e) => onChange(path, numeric ? numberOrText(e.target.value) : e.target.value)}
      />
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}
