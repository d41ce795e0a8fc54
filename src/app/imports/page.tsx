import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { can } from "~/server/authz/permissions";
import { getQueryClient, trpc } from "~/trpc/server";
import { ImportsWorkspace } from "./imports-workspace";
import { importStrings } from "./strings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: importStrings(await getLocale()).title };
}

/** /imports: upload with progress, validation report, confirm or cancel, history, undo, exports. */
export default async function ImportsPage() {
  const locale = await getLocale();
  const S = importStrings(locale);
  const me = await getQueryClient().fetchQuery(trpc.session.me.queryOptions());
  return (
    <>
      <PageHeader title={S.title} description={S.description} />
      <ImportsWorkspace locale={locale} canImport={me ? can(me.role, "data.import") : false} canUndo={me ? can(me.role, "imports.undo") : false} />
    </>
  );
}
