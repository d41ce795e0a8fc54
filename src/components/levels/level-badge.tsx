import { AlertTriangle, CircleCheck, CircleHelp, Eye, ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Level } from "~/generated/prisma/enums";
import { Badge } from "~/components/ui/badge";

const LOOK = {
  NONE: { tone: "success", Icon: CircleCheck },
  WATCH: { tone: "warning", Icon: Eye },
  REVIEW: { tone: "danger", Icon: AlertTriangle },
  RECEIVERSHIP: { tone: "critical", Icon: ShieldAlert },
} as const;

/** A level as text plus icon, never colour alone; `null` = the department has not been evaluated. */
export function LevelBadge({ level }: { level: Level | null }) {
  const t = useTranslations("levels");
  if (!level) {
    return (
      <Badge tone="neutral">
        <CircleHelp aria-hidden="true" />
        {t("unevaluated")}
      </Badge>
    );
  }
  const { tone, Icon } = LOOK[level];
  return (
    <Badge tone={tone} data-level={level}>
      <Icon aria-hidden="true" />
      {t(level)}
    </Badge>
  );
}
