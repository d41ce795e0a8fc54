import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import type { AreaIndicators } from "~/server/dashboard/overview";
import { INDICATORS } from "./indicators";
import { useIndicatorFormat } from "./use-indicator-format";

/** The map's table alternative (states) or a state's departments, with every indicator as text. */
export function AreaTable({
  areas,
  hrefFor,
  caption,
  testId,
}: {
  areas: (AreaIndicators & { code: string })[];
  hrefFor: (code: string) => string;
  caption: string;
  testId: string;
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const formatValue = useIndicatorFormat();
  return (
    <Table data-testid={testId}>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("columns.name")}</TableHead>
          <TableHead scope="col" className="text-right">
            {t("columns.departments")}
          </TableHead>
          <TableHead scope="col" className="text-right">
            {t("columns.officers")}
          </TableHead>
          {INDICATORS.map((i) => (
            <TableHead key={i.key} scope="col" className="text-right">
              {t(`indicators.${i.key}`)}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {areas.map((area) => (
          <TableRow key={area.code} data-area={area.code}>
            <TableHead scope="row" className="font-normal">
              <Link className="text-link underline" href={hrefFor(area.code)}>
                {area.name}
              </Link>
            </TableHead>
            <TableCell className="text-right tabular-nums">{format.number(area.departments, "integer")}</TableCell>
            <TableCell className="text-right tabular-nums">{format.number(area.officers, "integer")}</TableCell>
            {INDICATORS.map((i) => (
              <TableCell key={i.key} className="text-right tabular-nums">
                {formatValue(i.key, area[i.key])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
