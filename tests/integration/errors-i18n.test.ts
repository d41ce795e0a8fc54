import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { cookieLocale } from "~/i18n/header-locale";
import { appRouter } from "~/server/api/root";
import type { Scope } from "~/server/authz/scope";
import { useTestDatabase } from "../support/database";
import { TEST_ORIGIN, callerFor } from "../support/trpc-context";
import { createTestUser } from "./auth-support";

const test = useTestDatabase();

type ErrorBody = {
  error: { json: { message: string; data: { code: string; englishMessage: string; translated: boolean; zodError: unknown } } };
};

/** One query through the real HTTP handler, as the browser sends it. */
async function query(path: string, input: unknown, scope: Scope | null, headers: Record<string, string> = {}) {
  const req = new Request(`https://vigila.test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ db: test.current.db, scope, meta: TEST_ORIGIN, locale: cookieLocale(req.headers) }),
  });
  return { status: res.status, body: ((await res.json()) as ErrorBody).error.json };
}

async function analyst(locale: "es" | "en"): Promise<Scope> {
  const user = await createTestUser(test.current.db, "IA_ANALYST");
  await test.current.db.user.update({ where: { id: user.id }, data: { locale } });
  return { userId: user.id, role: "IA_ANALYST", stateCode: null };
}

describe("errors in the caller's language", () => {
  it("a Spanish user reads a service's not-found in Spanish, with the English original and the code in data", async () => {
    const { status, body } = await query("officers.get", { id: "NO-SUCH-OFFICER" }, await analyst("es"));
    expect(status).toBe(404);
    expect(body.message).toBe("No se encontró el elemento");
    expect(body.data).toMatchObject({ code: "NOT_FOUND", englishMessage: "Officer not found", translated: true });
  });

  it("an English user reads the same error in English", async () => {
    const { body } = await query("officers.get", { id: "NO-SUCH-OFFICER" }, await analyst("en"));
    expect(body.message).toBe("Officer not found");
    expect(body.data).toMatchObject({ code: "NOT_FOUND", englishMessage: "Officer not found", translated: true });
  });

  it("the language cookie wins over the saved language, as for pages", async () => {
    const { body } = await query("officers.get", { id: "NO-SUCH-OFFICER" }, await analyst("es"), { cookie: "other=1; vigila-locale=en" });
    expect(body.message).toBe("Officer not found");
  });

  it("an anonymous request without a cookie is answered in Spanish", async () => {
    const { status, body } = await query("officers.get", { id: "X" }, null);
    expect(status).toBe(401);
    expect(body.message).toBe("Primero inicie sesión");
    expect(body.data.englishMessage).toBe("Sign in first");
  });

  it("invalid input gets one generic sentence per field, the details stay in data.zodError", async () => {
    const es = await query("officers.get", { id: "x".repeat(31) }, await analyst("es"));
    expect(es.status).toBe(400);
    expect(es.body.message).toBe("Valor no válido en id");
    expect(es.body.data.zodError).toMatchObject({ fieldErrors: { id: [expect.any(String)] } });
    const en = await query("officers.get", { id: "", extra: 1 }, await analyst("en"));
    expect(en.body.message).toMatch(/^Invalid value in (id|input)(; Invalid value in (id|input))?$/);
  });

  it("server-side callers (pages, tests) keep the English message and the stable code", async () => {
    await expect(callerFor(test.current.db, await analyst("es")).officers.get({ id: "NO-SUCH-OFFICER" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Officer not found",
    });
  });
});
