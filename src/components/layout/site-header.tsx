import { Shield } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getQueryClient, trpc } from "~/trpc/server";
import { LanguageSwitcher } from "./language-switcher";
import { navLinksFor } from "./nav-links";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const user = await getQueryClient().query(trpc.session.me.queryOptions());
  const links = navLinksFor(user?.role ?? null);
  return (
    <header className="no-print bg-brand text-white">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-white">
          <Shield aria-hidden="true" className="size-5" />
          Vigila
        </Link>
        <nav aria-label={t("label")} className="flex-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="rounded-sm px-1 text-white underline-offset-4 hover:underline">
                  {t(link.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitcher />
        {user ? <UserMenu user={user} /> : null}
      </div>
    </header>
  );
}
