"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { formText } from "~/components/ui/form-text";
import { Button } from "~/components/ui/button";
import { Input, Label } from "~/components/ui/input";

/** The search form above a paged table: searching goes back to the first page. `children` adds filters. */
export function RosterSearch({
  id,
  label,
  hint,
  defaultValue,
  onSearch,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  defaultValue: string;
  onSearch: (q: string, form: FormData) => void;
  children?: React.ReactNode;
}) {
  const t = useTranslations("dossier.rosters");
  return (
    <form
      role="search"
      aria-label={label}
      className="no-print flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        onSearch(formText(data, "q"), data);
      }}
    >
      <div className="flex min-w-64 flex-col gap-1">
        <Label htmlFor={`${id}-q`}>{label}</Label>
        <Input
          id={`${id}-q`}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={100}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-700">
            {hint}
          </p>
        ) : null}
      </div>
      {children}
      <Button type="submit" variant="outline">
        <Search aria-hidden="true" />
        {t("search")}
      </Button>
    </form>
  );
}
