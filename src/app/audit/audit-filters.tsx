import { Download, Filter } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "~/components/ui/button";
import { Input, Label, Select } from "~/components/ui/input";
import { AUDIT_TARGET_TYPES } from "~/server/audit/actions";
import { AUDIT_URL_KEYS, type AuditFilterField, type ListAuditInput, auditViewQuery } from "~/server/audit/list-input";

type Props = { input: ListAuditInput; states: { code: string; name: string }[] };

const TEXT_FIELDS = ["actor", "action", "targetId"] as const satisfies AuditFilterField[];

/** A plain GET form: the view lives in the URL, so a search can be shared and reloaded as-is. */
export function AuditFilters({ input, states }: Props) {
  const { page: _page, pageSize: _pageSize, ...filters } = input;
  const exportQuery = auditViewQuery(filters);
  const t = useTranslations("audit");
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label={t("filtersLabel")}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-300 bg-white p-4 lg:grid-cols-4"
    >
      {TEXT_FIELDS.map((field) => (
        <div key={field} className="flex flex-col gap-1">
          <Label htmlFor={`audit-${field}`}>{t(`fields.${field}`)}</Label>
          <Input id={`audit-${field}`} name={AUDIT_URL_KEYS[field]} defaultValue={input[field] ?? ""} />
        </div>
      ))}
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-targetType">{t("fields.targetType")}</Label>
        <Select id="audit-targetType" name={AUDIT_URL_KEYS.targetType} defaultValue={input.targetType ?? ""}>
          <option value="">{t("all")}</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`targetTypes.${type}`)}
            </option>
          ))}
          {input.targetType && !(AUDIT_TARGET_TYPES as readonly string[]).includes(input.targetType) ? (
            <option value={input.targetType}>{input.targetType}</option>
          ) : null}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-state">{t("fields.stateCode")}</Label>
        <Select id="audit-state" name={AUDIT_URL_KEYS.stateCode} defaultValue={input.stateCode ?? ""}>
          <option value="">{t("all")}</option>
          {states.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
          {input.stateCode && !states.some((s) => s.code === input.stateCode) ? (
            <option value={input.stateCode}>{input.stateCode}</option>
          ) : null}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-outcome">{t("fields.outcome")}</Label>
        <Select id="audit-outcome" name={AUDIT_URL_KEYS.outcome} defaultValue={input.outcome ?? ""}>
          <option value="">{t("all")}</option>
          <option value="ALLOWED">{t("outcomes.ALLOWED")}</option>
          <option value="DENIED">{t("outcomes.DENIED")}</option>
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-from">{t("fields.from")}</Label>
        <Input id="audit-from" name={AUDIT_URL_KEYS.from} type="date" defaultValue={input.from ?? ""} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-to">{t("fields.to")}</Label>
        <Input id="audit-to" name={AUDIT_URL_KEYS.to} type="date" defaultValue={input.to ?? ""} />
      </div>
      <div className="col-span-2 flex flex-wrap items-end gap-2 lg:col-span-4">
        <Button type="submit">
          <Filter aria-hidden="true" />
          {t("apply")}
        </Button>
        <Button asChild variant="outline">
          <Link href="/audit">{t("clear")}</Link>
        </Button>
        <Button asChild variant="outline">
          {/* A plain link: the browser downloads the streamed file itself. */}
          <a href={`/audit/export${exportQuery ? `?${exportQuery}` : ""}`} download>
            <Download aria-hidden="true" />
            {t("exportCsv")}
          </a>
        </Button>
      </div>
    </form>
  );
}
