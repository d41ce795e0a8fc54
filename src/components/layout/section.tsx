import type * as React from "react";

/** A page section whose heading names it for assistive technology (`aria-labelledby`). */
export function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: React.ReactNode;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
