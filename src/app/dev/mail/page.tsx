import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "~/components/layout/page-header";
import { Card, CardTitle } from "~/components/ui/card";
import { env } from "~/env";
import { getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Correo de demostración", robots: { index: false } };

const when = new Intl.DateTimeFormat("es-MX", { timeZone: "America/Mexico_City", dateStyle: "short", timeStyle: "medium" });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The demo mail catcher's inbox: what the alert emails look like, without a real mail server.
 * Exists only in demo mode, for administrators (anyone else gets the not-found page).
 */
export default async function DevMailPage({ searchParams }: Props) {
  if (env.VIGILA_DEMO !== "1") notFound();
  const { id } = await searchParams;
  const qc = getQueryClient();
  try {
    const [messages, selected] = await Promise.all([
      qc.query(trpc.outbox.devMail.list.queryOptions()),
      typeof id === "string" ? qc.query(trpc.outbox.devMail.get.queryOptions({ id })).catch(() => null) : null,
    ]);
    return (
      <>
        <PageHeader
          title="Correo de demostración"
          description="Los avisos que Vigila envía en modo demostración llegan a este buzón local (SMTP en 127.0.0.1)."
        />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-label="Mensajes recibidos">
            {messages.length === 0 ? (
              <p>
                Aún no hay mensajes. Ejecute <code>npx vigila alerts:run --now</code>.
              </p>
            ) : null}
            <ul className="flex flex-col gap-1" data-testid="dev-mail-list">
              {messages.map((m) => (
                <li key={m.id}>
                  <Link
                    href={`/dev/mail?id=${encodeURIComponent(m.id)}`}
                    aria-current={m.id === id ? "true" : undefined}
                    className="block rounded border border-slate-300 bg-white p-2 text-sm hover:bg-slate-100"
                  >
                    <span className="block font-medium">{m.subject}</span>
                    <span className="block text-slate-700">
                      {m.to} · {when.format(m.receivedAt)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          {selected ? (
            <Card aria-label="Mensaje">
              <CardTitle>{selected.subject}</CardTitle>
              <dl className="my-2 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
                {["To", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post"].map((h) => (
                  <div key={h} className="contents">
                    <dt className="font-semibold">{h}</dt>
                    <dd className="break-all">{selected.headers[h.toLowerCase()] ?? "—"}</dd>
                  </div>
                ))}
              </dl>
              {selected.html ? (
                <iframe
                  title="Vista HTML"
                  sandbox=""
                  srcDoc={selected.html}
                  className="h-[32rem] w-full rounded border border-slate-300 bg-white"
                />
              ) : null}
              <details className="mt-2">
                <summary className="cursor-pointer text-link underline">Texto plano</summary>
                <pre className="whitespace-pre-wrap text-xs">{selected.text}</pre>
              </details>
            </Card>
          ) : null}
        </div>
      </>
    );
  } catch (err) {
    // Like outside demo mode: to anyone but an administrator the page does not exist.
    if (err instanceof TRPCError && (err.code === "FORBIDDEN" || err.code === "NOT_FOUND")) notFound();
    if (err instanceof TRPCError && err.code === "UNAUTHORIZED") redirect("/login?next=/dev/mail");
    throw err;
  }
}
