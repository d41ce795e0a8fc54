import { type Sample, rateAndEta } from "./progress";
import type { ImportStrings } from "./strings";

/** One labelled progress bar with rate and time left. */
export function ProgressLine(props: { label: string; done: number; total: number; text: string; first: Sample | null; latest: Sample; unit: string; S: ImportStrings }) {
  const { label, done, total, text, first, latest, unit, S } = props;
  const speed = rateAndEta(first, latest, total);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex justify-between gap-4">
        <span className="font-medium">{label}</span>
        <span aria-live="polite">{[text, speed && S.rate(unit === "B" ? speed.perSecond / 1024 : speed.perSecond, unit === "B" ? "KB" : unit), speed && S.eta(speed.secondsLeft)].filter(Boolean).join(" · ")}</span>
      </div>
      <progress className="h-3 w-full" max={Math.max(total, 1)} value={Math.min(done, total)} aria-label={label} />
    </div>
  );
}
