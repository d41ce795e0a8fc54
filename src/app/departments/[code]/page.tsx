import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { fetchOrNotFound, subjectOrNotFound } from "~/app/_lib/fetch-or-not-found";
import { TrendCharts } from "~/components/dashboard/trend-charts";
import { CommentThread } from "~/components/comments/comment-thread";
import { CasesSection, MetricCards } from "~/components/dossier/dossier-sections";
import { ComplaintsRoster, OfficersRoster } from "~/components/dossier/dossier-rosters";
import { FIRST_PAGE, complaintsInput, rosterInput, timelineInput } from "~/components/dossier/roster-inputs";
import { WhySection } from "~/components/dossier/why-section";
import { OpenReviewForm } from "~/components/dossier/open-review-form";
import { can } from "~/server/authz/permissions";
import { DossierTimeline } from "~/components/dossier/dossier-timeline";
import { PrintButton } from "~/components/dossier/print-button";
import { PageHeader } from "~/components/layout/page-header";
import { LevelBadge } from "~/components/levels/level-badge";
import { keepForClient } from "~/trpc/prefetch";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

const load = async (code: string) =>
  fetchOrNotFound(getQueryClient().query(trpc.departments.dossier.queryOptions({ code: subjectOrNotFound(code) })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dossier = await load((await params).code);
  return { title: dossier.department.name };
}

export default async function DepartmentDossierPage({ params }: Props) {
  const dossier = await load((await params).code);
  const t = await getTranslations("dossier");
  const tKinds = await getTranslations("kinds");
  const { department } = dossier;
  const queryClient = getQueryClient();
  // The "why" is the rules module's explanation of the very run the level comes from.
  const [explanation, me] = await Promise.all([
    dossier.evaluation
      ? queryClient.query(trpc.evaluations.explain.queryOptions({ departmentCode: department.code, runId: dossier.evaluation.runId }))
      : null,
    queryClient.query(trpc.session.me.queryOptions()),
    // The paged tables' and the timeline's first pages, so the page is usable at first paint.
    queryClient
      .infiniteQuery(
        trpc.timeline.department.infiniteQueryOptions(timelineInput(department.code), { getNextPageParam: (last) => last.nextCursor }),
      )
      .catch(keepForClient),
    queryClient.query(trpc.departments.officers.queryOptions(rosterInput(department.code, FIRST_PAGE))).catch(keepForClient),
    queryClient.query(trpc.departments.complaints.queryOptions(complaintsInput(department.code, FIRST_PAGE))).catch(keepForClient),
  ]);
  return (
    <HydrateClient>
      <p className="no-print mb-2 text-sm">
        <Link className="text-link underline" href="/departments">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={department.name}
        description={`${department.code} · ${tKinds(department.kind)} · ${[department.municipalityName, department.stateName].filter(Boolean).join(", ")}`}
        actions={
          <div className="flex items-center gap-3">
            <span className="text-sm font-medium">{t("level")}</span>
            <LevelBadge level={dossier.evaluation?.level ?? null} />
            <PrintButton />
            <a className="no-print text-sm text-link underline" href={`/departments/${encodeURIComponent(department.code)}/dossier.pdf`}>
              {t("downloadPdf")}
            </a>
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <WhySection explanation={explanation} />
        <MetricCards metrics={dossier.metrics} />
        <section aria-labelledby="trends" className="flex flex-col gap-2">
          <h2 id="trends" className="text-lg font-semibold">
            {t("trends")}
          </h2>
          <TrendCharts points={dossier.trends} />
        </section>
        <OfficersRoster departmentCode={department.code} />
        <ComplaintsRoster departmentCode={department.code} />
        <CasesSection dossier={dossier} />
        {me && can(me.role, "reviews.open") ? <OpenReviewForm departmentCode={department.code} /> : null}
        <CommentThread
          target={{ type: "DEPARTMENT", departmentCode: department.code }}
          canWrite={me !== null && can(me.role, "comments.write")}
          title={t("commentsTitle")}
        />
        <section aria-labelledby="timeline" className="flex flex-col gap-2">
          <h2 id="timeline" className="text-lg font-semibold">
            {t("timeline.title")}
          </h2>
          <DossierTimeline departmentCode={department.code} />
        </section>
      </div>
    </HydrateClient>
  );
}
