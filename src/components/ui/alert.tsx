import { AlertTriangle, Info } from "lucide-react";
import type * as React from "react";
import { cn } from "./cn";

export function Alert({ className, tone = "info", children, ...props }: React.ComponentProps<"div"> & { tone?: "info" | "error" }) {
  const Icon = tone === "error" ? AlertTriangle : Info;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "flex items-start gap-2 rounded-md border p-3 text-sm",
        tone === "error" ? "border-red-400 bg-red-50 text-red-900" : "border-slate-300 bg-slate-50 text-slate-900",
        className,
      )}
      {...props}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div>{children}</div>
    </div>
  );
}
