import { type VariantProps, cva } from "class-variance-authority";
import type * as React from "react";
import { cn } from "./cn";

export const badgeVariants = cva(
  "inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-semibold whitespace-nowrap [&_svg]:size-3.5",
  {
    variants: {
      tone: {
        neutral: "border-slate-300 bg-slate-100 text-slate-800",
        info: "border-sky-300 bg-sky-50 text-sky-900",
        warning: "border-amber-400 bg-amber-50 text-amber-900",
        danger: "border-orange-400 bg-orange-50 text-orange-900",
        critical: "border-red-400 bg-red-50 text-red-900",
        success: "border-emerald-400 bg-emerald-50 text-emerald-900",
      },
    },
    defaultVariants: { tone: "neutral" },
  },
);

export function Badge({ className, tone, ...props }: React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
