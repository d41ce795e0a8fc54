import type { Role } from "~/generated/prisma/enums";
import { type Permission, can } from "~/server/authz/permissions";

export type NavKey = "overview" | "departments" | "queues" | "reviews" | "rules" | "imports" | "audit" | "users" | "outbox" | "about";

/** The header's links, each shown only to roles holding the permission its page needs. */
const LINKS: { key: NavKey; href: string; needs: Permission | null }[] = [
  { key: "overview", href: "/", needs: "departments.read" },
  { key: "departments", href: "/departments", needs: "departments.read" },
  { key: "queues", href: "/queues", needs: "reviews.conduct" },
  { key: "reviews", href: "/reviews", needs: "departments.read" },
  { key: "rules", href: "/rules", needs: "rules.manage" },
  { key: "imports", href: "/imports", needs: "data.import" },
  { key: "audit", href: "/audit", needs: "audit.read" },
  { key: "users", href: "/users", needs: "users.manage" },
  { key: "outbox", href: "/admin/outbox", needs: "outbox.admin" },
  { key: "about", href: "/about", needs: null },
];

export function navLinksFor(role: Role | null): { key: NavKey; href: string }[] {
  return LINKS.filter((link) => link.needs === null || (role !== null && can(role, link.needs))).map(({ key, href }) => ({ key, href }));
}
