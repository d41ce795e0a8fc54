import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { fetchOrNotFound } from "~/app/_lib/fetch-or-not-found";
import { PageHeader } from "~/components/layout/page-header";
import { ReceivershipCase } from "~/components/receivership/receivership-case";
import { can } from "~/server/authz/permissions";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const caseId = (segment: string) => (/^[1-9]\d{0,8}$/.test(segment) ? Number(segment) : notFound());
const load = (id: number) => fetchOrNotFound(getQueryClient().query(trpc.receivership.get.queryOptions({ id })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(caseId((await params).id));
  return { title: (await getTranslations("receivership"))("pageTitle", { name: found.department.name }) };
}

/** One receivership case, for everyone who may see its department; another state's case is a 404 like a missing one. */
export default async function ReceivershipCasePage({ params }: Props) {
  const id = caseId((await params).id);
  const me = await getQueryClient().query(trpc.session.me.queryOptions());
  if (!me) redirect(`/login?next=/receivership/${id}`);
  const found = await load(id);
  const t = await getTranslations("receivership");
  const permissions = {
    propose: can(me.role, "receivership.propose"),
    approve: can(me.role, "receivership.approve"),
    extend: can(me.role, "receivership.extend"),
    lift: can(me.role, "receivership.lift"),
    comment: can(me.role, "comments.write"),
    isSupervisor: me.role === "IA_SUPERVISOR",
    userId: me.id,
  };
  return (
    <HydrateClient>
      <PageHeader
        title={t("pageTitle", { name: found.department.name })}
        description={`${found.department.code} · ${found.department.stateName} · ${t("caseNumber", { id: found.id })}`}
      />
      <ReceivershipCase id={id} can={permissions} />
    </HydrateClient>
  );
}
