import type * as React from "react";
import { cn } from "./cn";

export const fieldClass =
  "h-9 rounded-md border border-slate-400 bg-white px-3 text-sm text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-focus";

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return <input className={cn(fieldClass, "w-full placeholder:text-slate-600", className)} {...props} />;
}

/** A styled native select: keyboard and screen-reader behaviour come from the browser. */
export function Select({ className, ...props }: React.ComponentProps<"select">) {
  return <select className={cn(fieldClass, "pr-8", className)} {...props} />;
}

export function Label({ className, htmlFor, ...props }: React.ComponentProps<"label">) {
  return <label htmlFor={htmlFor} className={cn("text-sm font-medium text-slate-800", className)} {...props} />;
}
