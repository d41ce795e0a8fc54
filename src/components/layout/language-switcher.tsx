"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "~/i18n/actions";
import { LOCALES, appLocaleFromTag } from "~/i18n/locales";

export function LanguageSwitcher() {
  const t = useTranslations("language");
  const current = appLocaleFromTag(useLocale());
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Languages aria-hidden="true" className="size-4 text-white" />
      <label htmlFor="language-switcher" className="sr-only">
        {t("label")}
      </label>
      <select
        id="language-switcher"
        data-testid="language-switcher"
        className="h-8 rounded-md border border-white/60 bg-brand-strong px-2 text-sm text-white"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
