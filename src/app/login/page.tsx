import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { publicOriginFromEnv } from "~/server/auth/config";
import { safeNextPath } from "~/server/auth/request-guard";
import { pageCaller } from "~/server/http/page-guard";
import { LoginForm } from "./login-form";
import { SystemUseNotice } from "./notice";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Iniciar sesión · Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null, publicOriginFromEnv());
  if ((await pageCaller()).scope) redirect(next);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">
        Iniciar sesión{" "}
        <span lang="en" className="text-lg font-normal text-slate-700">
          · Sign in
        </span>
      </h1>
      <SystemUseNotice />
      <LoginForm next={next} failed={typeof params.error === "string"} />
    </div>
  );
}
