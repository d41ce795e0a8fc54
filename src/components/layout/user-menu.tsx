import { ChevronDown, UserRound } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SignOutButton } from "~/app/login/sign-out-button";
import type { CurrentUser } from "~/server/users/current-user";

/** Who is signed in, their alert settings and sign-out; a native <details> so it works by keyboard without script. */
export async function UserMenu({ user }: { user: CurrentUser }) {
  const t = await getTranslations("nav.user");
  const tRoles = await getTranslations("roles");
  return (
    <details className="relative" data-testid="user-menu">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-sm px-1 text-white">
        <UserRound aria-hidden="true" className="size-4" />
        <span className="whitespace-nowrap">{user.name}</span>
        <ChevronDown aria-hidden="true" className="size-4" />
        <span className="sr-only">{t("open")}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-72 rounded-md border border-slate-300 bg-white p-3 text-sm text-slate-900 shadow-lg">
        <p className="font-semibold">{user.name}</p>
        <p className="text-slate-700">{user.email}</p>
        <p className="mt-1">
          {tRoles(user.role)}
          {user.stateName ? ` · ${user.stateName}` : ""}
        </p>
        <ul className="mt-3 flex flex-col gap-2 border-t border-slate-200 pt-2">
          <li>
            <Link className="text-link underline" href="/settings/alerts">
              {t("alerts")}
            </Link>
          </li>
          <li>
            <SignOutButton className="px-0 text-link underline" label={t("signOut")} />
          </li>
        </ul>
      </div>
    </details>
  );
}
