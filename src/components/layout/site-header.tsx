import { Shield } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const links = [
    { href: "/", label: t("overview") },
    { href: "/departments", label: t("departments") },
    { href: "/about", label: t("about") },
  ];
  return (
    <header className="no-print bg-brand text-white">
      <div className="mx-auto flex max-w-screen-2xl items-center gap-6 px-6 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-white">
          <Shield aria-hidden="true" className="size-5" />
          Vigila
        </Link>
        <nav aria-label={t("label")} className="flex-1">
          <ul className="flex flex-wrap gap-4">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="rounded-sm px-1 text-white underline-offset-4 hover:underline">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
