import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { fetchOrNotFound, subjectOrNotFound } from "~/app/_lib/fetch-or-not-found";
import { ComplaintStatusForm } from "~/components/complaints/complaint-status-form";
import { ComplaintView } from "~/components/complaints/complaint-view";
import { can } from "~/server/authz/permissions";
import { PageHeader } from "~/components/layout/page-header";
import { getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ ref: string }> };

// One fetch per request (the query client is per request), so metadata and page make one audited view.
const load = async (ref: string) =>
  fetchOrNotFound(getQueryClient().query(trpc.complaints.get.queryOptions({ ref: subjectOrNotFound(ref) })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const complaint = await load((await params).ref);
  return { title: (await getTranslations("complaint"))("title", { ref: complaint.ref }) };
}

export default async function ComplaintPage({ params }: Props) {
  const complaint = await load((await params).ref);
  const t = await getTranslations("complaint");
  const me = await getQueryClient().query(trpc.session.me.queryOptions());
  return (
    <>
      <PageHeader
        title={t("title", { ref: complaint.ref })}
        description={`${complaint.department.code} · ${complaint.department.stateName}`}
      />
      <div className="flex flex-col gap-6">
        <ComplaintView complaint={complaint} />
        {me && can(me.role, "complaints.manage") ? <ComplaintStatusForm complaint={complaint} /> : null}
      </div>
    </>
  );
}
