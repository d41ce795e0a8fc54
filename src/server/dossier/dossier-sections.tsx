import { View } from "@react-pdf/renderer";
import type { TimelineEvent } from "../departments/timeline";
import type { DossierPdfData } from "./dossier-pdf-data";
import type { Localized } from "./localize";
import { Facts, P, Section, Table, styles } from "./pdf-layout";

type Props = { data: DossierPdfData; l: Localized };

/** How many of `values` fall on each distinct value, in first-seen order. */
function tally(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts];
}

export function VettingTrainingSection({ data, l }: Props) {
  const { metrics, officers } = data.dossier;
  const results = tally(officers.map((o) => (o.vettingResult ? l.enumLabel("vetting", o.vettingResult) : l.s.officersWithoutVetting)));
  return (
    <Section title={l.s.vettingTraining}>
      <Facts
        items={[
          [l.m("dossier.metrics.officers"), l.integer(metrics.officers)],
          [l.m("dossier.metrics.vettingCoverage"), l.percent(metrics.vettingCoverage)],
          [l.m("dossier.metrics.trainingCompliance"), l.percent(metrics.trainingCompliance)],
          [l.m("dossier.metrics.expiredVetting"), l.integer(metrics.expiredVetting)],
          [l.m("dossier.metrics.failedOnDuty"), l.integer(metrics.failedOnDuty)],
          [l.m("dossier.metrics.seriousAbuse24m"), l.integer(metrics.seriousAbuse24m)],
        ]}
      />
      <P style={[styles.head, { marginTop: 4 }]}>{l.s.vettingResults}</P>
      <Table widths={[3, 1]} head={[l.s.status, l.s.count]} rows={results.map(([label, n]) => [label, l.integer(n)])} />
    </Section>
  );
}

export function ComplaintsSection({ data, l }: Props) {
  const { complaints } = data.dossier;
  if (complaints.length === 0)
    return (
      <Section title={l.s.complaints}>
        <P>{l.m("dossier.complaints.empty")}</P>
      </Section>
    );
  const head = [
    l.m("dossier.complaints.ref"),
    l.m("dossier.complaints.received"),
    l.m("dossier.complaints.category"),
    l.m("dossier.complaints.source"),
    l.m("dossier.complaints.status"),
  ];
  return (
    <Section title={l.s.complaints}>
      <View style={{ flexDirection: "row", gap: 12 }}>
        <View style={{ flex: 1 }}>
          <P style={styles.head}>{l.s.complaintsByStatus}</P>
          <Table
            widths={[3, 1]}
            head={[l.s.status, l.s.count]}
            rows={tally(complaints.map((c) => l.enumLabel("complaintStatus", c.status))).map(([k, n]) => [k, l.integer(n)])}
          />
        </View>
        <View style={{ flex: 1 }}>
          <P style={styles.head}>{l.s.complaintsByCategory}</P>
          <Table
            widths={[3, 1]}
            head={[l.m("dossier.complaints.category"), l.s.count]}
            rows={tally(complaints.map((c) => l.enumLabel("category", c.category))).map(([k, n]) => [k, l.integer(n)])}
          />
        </View>
      </View>
      <P style={[styles.muted, { marginTop: 4 }]}>
        {data.personalData
          ? l.sf("complaintsShown", { shown: complaints.length })
          : `${l.sf("complaintsShown", { shown: complaints.length })} ${l.s.personalDataWithheld}`}
      </P>
      <Table
        widths={data.personalData ? [1.3, 1, 1.5, 1.2, 1.2, 3] : [1.3, 1, 1.5, 1.2, 1.2]}
        head={data.personalData ? [...head, l.s.complaintSummary] : head}
        rows={complaints.map((c) => {
          const cells = [
            c.ref,
            l.day(c.receivedOn),
            l.enumLabel("category", c.category),
            l.enumLabel("source", c.source),
            l.enumLabel("complaintStatus", c.status),
          ];
          return data.personalData ? [...cells, data.complaintSummaries.get(c.ref) ?? "—"] : cells;
        })}
      />
    </Section>
  );
}

/** One line per decision-history event; names and reasons as recorded. */
function describe(e: TimelineEvent, l: Localized): string {
  switch (e.kind) {
    case "evaluation.levelChanged":
      return `${l.level(e.data.previousLevel)} -> ${l.level(e.data.level)} (${e.data.ruleSetId} v${e.data.ruleSetVersion}, ${l.day(e.data.asOf)})`;
    case "recommendation.decided":
      return [
        l.enumLabel("recommendationStatus", e.data.status),
        e.data.dismissReason ? l.enumLabel("dismissReason", e.data.dismissReason) : null,
        e.data.justification,
        e.data.decidedBy?.name,
      ]
        .filter(Boolean)
        .join(" · ");
    case "review.opened":
      return [e.data.scope, e.data.owner?.name].filter(Boolean).join(" · ");
    case "review.closed":
      return [e.data.decision ? l.enumLabel("reviewDecision", e.data.decision) : null, e.data.decisionNotes].filter(Boolean).join(" · ");
    case "receivership.statusChanged":
      return [
        `${e.data.fromStatus ? l.enumLabel("receivershipStatus", e.data.fromStatus) : "—"} -> ${l.enumLabel("receivershipStatus", e.data.toStatus)}`,
        e.data.reason,
        e.data.changedBy?.name,
      ]
        .filter(Boolean)
        .join(" · ");
    case "receivership.approved":
      return [l.m(`roles.${e.data.role}`), e.data.approver?.name].filter(Boolean).join(" · ");
    default:
      return "";
  }
}

export function CasesSections({ data, l }: Props) {
  const { reviews, recommendations, receiverships } = data.dossier;
  const at = (d: Date) => l.instant(d, "America/Mexico_City");
  return (
    <View>
      <Section title={l.s.recommendations}>
        {recommendations.length === 0 ? (
          <P>{l.s.none}</P>
        ) : (
          <Table
            widths={[1.3, 1.2, 1.2, 1.3, 3]}
            head={[l.s.date, l.s.level, l.s.status, l.s.decision, l.s.value]}
            rows={recommendations.map((r) => [
              at(r.createdAt),
              `${l.level(r.previousLevel)} -> ${l.level(r.level)}`,
              l.enumLabel("recommendationStatus", r.status),
              r.decidedAt ? `${at(r.decidedAt)}${r.decidedBy ? ` · ${r.decidedBy.name}` : ""}` : "—",
              [r.dismissReason ? l.enumLabel("dismissReason", r.dismissReason) : null, r.justification].filter(Boolean).join(" · ") || "—",
            ])}
          />
        )}
      </Section>
      <Section title={l.s.reviews}>
        {reviews.length === 0 ? (
          <P>{l.s.none}</P>
        ) : (
          <Table
            widths={[1.3, 1, 2.5, 1.3, 1, 1.6]}
            head={[l.s.date, l.s.status, l.m("dossier.cases.reviews"), l.s.owner, l.s.dueOn, l.s.decision]}
            rows={reviews.map((r) => [
              at(r.openedAt),
              l.enumLabel("reviewStatus", r.status),
              r.scope,
              r.owner.name,
              r.dueOn ? l.day(r.dueOn) : "—",
              r.decision ? l.enumLabel("reviewDecision", r.decision) : "—",
            ])}
          />
        )}
      </Section>
      <Section title={l.s.receivership}>
        {receiverships.length === 0 ? (
          <P>{l.s.none}</P>
        ) : (
          receiverships.map((c) => (
            <View key={c.id} style={{ marginBottom: 6 }}>
              <Facts
                items={[
                  [l.s.status, l.enumLabel("receivershipStatus", c.status)],
                  [l.s.receivingAuthority, c.receivingAuthority],
                  [l.s.legalBasis, c.legalBasis],
                  [l.s.period, `${c.startDate ? l.day(c.startDate) : "—"} – ${c.endDate ? l.day(c.endDate) : "—"}`],
                  [l.s.terms, c.terms],
                ]}
              />
              <Table
                widths={[3, 1.5, 1.5, 1]}
                head={[l.s.criterion, l.s.value, l.s.current, l.s.met]}
                rows={c.exitCriteria.map((e) => [
                  l.ruleName(e.ruleId),
                  `${e.comparator === "GTE" ? ">=" : "<="} ${l.decimal(e.threshold)}`,
                  l.decimal(e.currentValue),
                  e.met ? l.s.yes : l.s.no,
                ])}
              />
              {c.milestones.length > 0 ? (
                <Table
                  widths={[4, 1.5, 1.5]}
                  head={[l.s.milestones, l.s.dueOn, l.s.completedOn]}
                  rows={c.milestones.map((m) => [m.title, l.day(m.dueOn), m.completedOn ? l.day(m.completedOn) : "—"])}
                />
              ) : null}
            </View>
          ))
        )}
      </Section>
      <Section title={l.s.decisions}>
        {data.decisions.length === 0 ? (
          <P>{l.s.none}</P>
        ) : (
          <Table
            widths={[1.3, 1.7, 4]}
            head={[l.s.date, l.s.status, l.s.value]}
            rows={data.decisions.map((e) => [at(e.at), l.m(`dossier.timeline.kinds.${e.kind.replace(".", "_")}`), describe(e, l)])}
          />
        )}
      </Section>
    </View>
  );
}
