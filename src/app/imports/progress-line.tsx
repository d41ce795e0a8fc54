import { useTranslations } from "next-intl";
import { type Sample, rateAndEta } from "./progress";

/** One labelled progress bar with rate and time left. */
export function ProgressLine(props: {
  label: string;
  done: number;
  total: number;
  text: string;
  first: Sample | null;
  latest: Sample;
  unit: string;
}) {
  const { label, done, total, text, first, latest, unit } = props;
  const t = useTranslations("imports");
  const speed = rateAndEta(first, latest, total);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex justify-between gap-4">
        <span className="font-medium">{label}</span>
        <span aria-live="polite">
          {[
            text,
            speed &&
              t("rate", { rate: Math.round(unit === "B" ? speed.perSecond / 1024 : speed.perSecond), unit: unit === "B" ? "KB" : unit }),
            speed &&
              (speed.secondsLeft < 60
                ? t("etaSeconds", { count: Math.ceil(speed.secondsLeft) })
                : t("etaMinutes", { count: Math.ceil(speed.secondsLeft / 60) })),
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
      </div>
      <progress className="h-3 w-full" max={Math.max(total, 1)} value={Math.min(done, total)} aria-label={label} />
    </div>
  );
}
