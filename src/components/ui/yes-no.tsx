import { CircleCheck, CircleX } from "lucide-react";
import { useTranslations } from "next-intl";

/** Yes/no as an icon plus the word, never colour alone. */
export function YesNo({ value, yes, no }: { value: boolean; yes?: string; no?: string }) {
  const t = useTranslations("common");
  const Icon = value ? CircleCheck : CircleX;
  return (
    <span className={value ? "inline-flex items-center gap-1 text-emerald-800" : "inline-flex items-center gap-1 text-red-800"}>
      <Icon aria-hidden="true" className="size-4" />
      {value ? (yes ?? t("yes")) : (no ?? t("no"))}
    </span>
  );
}
