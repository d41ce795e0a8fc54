import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { fetchOrNotFound, subjectOrNotFound } from "~/app/_lib/fetch-or-not-found";
import { PageHeader } from "~/components/layout/page-header";
import {
  AssignmentsSection,
  OfficerComplaintsSection,
  StandingCards,
  TrainingSection,
  VettingSection,
} from "~/components/officers/officer-sections";
import { getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// One fetch per request (the query client is per request), so metadata and page make one audited view.
const load = async (id: string) => fetchOrNotFound(getQueryClient().query(trpc.officers.get.queryOptions({ id: subjectOrNotFound(id) })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { officer } = await load((await params).id);
  return { title: `${officer.familyName}, ${officer.givenName}` };
}

export default async function OfficerPage({ params }: Props) {
  const profile = await load((await params).id);
  const t = await getTranslations("officer");
  const { officer, department } = profile;
  return (
    <>
      <PageHeader
        title={t("title", { familyName: officer.familyName, givenName: officer.givenName })}
        description={
          <>
            {t("description", { id: officer.id, rank: officer.rank ?? t("noRank") })} · {t("department")}:{" "}
            <Link className="text-link underline" href={`/departments/${encodeURIComponent(department.code)}`}>
              {department.name}
            </Link>{" "}
            ({department.stateName})
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <StandingCards profile={profile} />
        <AssignmentsSection assignments={profile.assignments} />
        <VettingSection vetting={profile.vetting} />
        <TrainingSection records={profile.training.records} />
        <OfficerComplaintsSection complaints={profile.complaints} />
      </div>
    </>
  );
}
