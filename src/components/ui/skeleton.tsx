import type * as React from "react";
import { cn } from "./cn";

/** A placeholder with the final content's size, so nothing moves when data arrives. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200", className)} {...props} />;
}
