import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { DossierPdfData } from "./dossier-pdf-data";
import type { Localized } from "./localize";
import { Facts, P, Section, Table, styles } from "./pdf-layout";
import { CasesSections, ComplaintsSection, VettingTrainingSection } from "./dossier-sections";
import { TrendChart } from "./trend-chart";

type Props = { data: DossierPdfData; l: Localized };

function Identity({ data, l }: Props) {
  const { dossier, explanation } = data;
  const d = dossier.department;
  const ruleSet = dossier.evaluation ? `${dossier.evaluation.ruleSetId} v${dossier.evaluation.ruleSetVersion}` : "—";
  return (
    <Section title={l.s.identity}>
      <Facts
        items={[
          [l.s.code, d.code],
          [l.s.kind, l.m(`kinds.${d.kind}`)],
          [l.s.location, [d.municipalityName, d.stateName].filter(Boolean).join(", ")],
          [l.s.authorizedStrength, d.authorizedStrength === null ? "—" : l.integer(d.authorizedStrength)],
          [l.s.currentLevel, l.level(dossier.evaluation?.level ?? null)],
          [l.s.ruleSet, ruleSet],
          [l.s.dataDate, l.day(dossier.evaluation?.asOf ?? dossier.asOf)],
          [
            l.s.generatedAt,
            `${l.instant(data.generatedAt, "UTC")} UTC · ${l.instant(data.generatedAt, "America/Mexico_City")} (America/Mexico_City)`,
          ],
          [l.s.requestedBy, `${data.requester} · ${l.m(`roles.${data.role}`)}`],
        ]}
      />
      {explanation?.insufficientData ? <P style={{ marginTop: 4 }}>{l.m("dossier.why.insufficient")}</P> : null}
    </Section>
  );
}

function Why({ data, l }: Props) {
  const { explanation } = data;
  if (!explanation)
    return (
      <Section title={l.s.why}>
        <P>{l.s.unevaluatedNote}</P>
      </Section>
    );
  return (
    <Section title={l.s.why}>
      <P style={styles.muted}>
        {l.m("dossier.why.source", {
          date: l.day(explanation.asOf),
          ruleSet: explanation.ruleSet.id,
          version: explanation.ruleSet.version,
        })}
      </P>
      {explanation.warnings.map((w) => (
        <P key={w.code} style={styles.muted}>
          {l.m(`dossier.why.warningCodes.${w.code}`, {
            count: "count" in w ? w.count : 0,
            active: "active" in w ? w.active : 0,
            authorized: "authorized" in w ? w.authorized : 0,
          })}
        </P>
      ))}
      <Table
        widths={[3, 1.3, 1, 2, 3]}
        head={[
          l.m("dossier.why.rule"),
          l.m("dossier.why.level"),
          l.m("dossier.why.value"),
          l.m("dossier.why.threshold"),
          l.m("dossier.why.thresholds"),
        ]}
        rows={explanation.rules.map((rule) => [
          l.ruleName(rule.id, rule.title),
          l.level(rule.level),
          l.decimal(rule.value),
          rule.threshold === null ? l.m("dossier.why.notFired") : l.condition(rule.threshold),
          rule.thresholds.map((th) => `${l.condition(th.condition)} -> ${l.level(th.level)}`).join("; "),
        ])}
      />
    </Section>
  );
}

function Trends({ data, l }: Props) {
  const points = data.dossier.trends;
  const months = points.map((p) => p.asOf);
  const charts = [
    { title: l.m("dashboard.indicators.vettingCoverage"), values: points.map((p) => p.vettingCoverage), percent: true, format: l.percent },
    {
      title: l.m("dashboard.indicators.trainingCompliance"),
      values: points.map((p) => p.trainingCompliance),
      percent: true,
      format: l.percent,
    },
    {
      title: l.m("dashboard.indicators.complaintsPer100"),
      values: points.map((p) => p.complaintsPer100),
      percent: false,
      format: l.decimal,
    },
    {
      title: l.m("dashboard.columns.officers"),
      values: points.map((p) => p.officers),
      percent: false,
      format: (v: number | null) => (v === null ? "—" : l.integer(v)),
    },
  ];
  return (
    <Section title={l.s.trends}>
      <View style={{ flexDirection: "row", flexWrap: "wrap", justifyContent: "space-between" }}>
        {charts.map((chart) => (
          <TrendChart key={chart.title} months={months} l={l} {...chart} />
        ))}
      </View>
    </Section>
  );
}

/** The department dossier as a document for an attorney general's file. */
export function DossierDocument({ data, l }: Props) {
  const d = data.dossier.department;
  return (
    <Document title={`${l.s.title} ${d.code}`} author="Vigila" language={l.locale}>
      <Page size="LETTER" style={styles.page}>
        <P style={styles.h1}>{`${l.s.title}: ${d.name}`}</P>
        <P style={styles.muted}>{l.s.subtitle}</P>
        <Identity data={data} l={l} />
        <Why data={data} l={l} />
        <Trends data={data} l={l} />
        <VettingTrainingSection data={data} l={l} />
        <ComplaintsSection data={data} l={l} />
        <CasesSections data={data} l={l} />
        <View style={styles.footer} fixed>
          <Text>{`${d.code} · ${l.instant(data.generatedAt, "UTC")} UTC`}</Text>
          <Text render={({ pageNumber, totalPages }) => l.sf("page", { page: pageNumber, total: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}
