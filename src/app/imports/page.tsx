import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { can } from "~/server/authz/permissions";
import { getQueryClient, trpc } from "~/trpc/server";
import { ImportsWorkspace } from "./imports-workspace";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

/** /imports: upload with progress, validation report, confirm or cancel, history, undo, exports. */
export default async function ImportsPage() {
  const t = await getTranslations("imports");
  const me = await getQueryClient().query(trpc.session.me.queryOptions());
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ImportsWorkspace canImport={me ? can(me.role, "data.import") : false} canUndo={me ? can(me.role, "imports.undo") : false} />
    </>
  );
}
