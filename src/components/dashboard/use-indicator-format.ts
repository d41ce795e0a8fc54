import { useFormatter, useTranslations } from "next-intl";
import { INDICATORS, type IndicatorKey } from "./indicators";

/** Formats an indicator value for the current language: "62.5 %", "12.3 por cada 100", or "Sin dato". */
export function useIndicatorFormat() {
  const format = useFormatter();
  const t = useTranslations("dashboard");
  const tCommon = useTranslations("common");
  return (indicator: IndicatorKey, value: number | null) => {
    if (value === null) return tCommon("notAvailable");
    const unit = INDICATORS.find((i) => i.key === indicator)!.unit;
    return unit === "percent" ? format.number(value / 100, "percent") : t("per100", { value: format.number(value, "decimal") });
  };
}
