import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { openReview } from "~/server/reviews/open-review";
import { useAppAndBrowser } from "../support/e2e";
import { signIn } from "../support/sign-in";

/**
 * The reviews workspace, a complaint's status change and the largest dossier's paged officers, in
 * Chromium as each role would use them, on the demo data.
 */
const e2e = useAppAndBrowser();
let reviewId: number;
let analystName: string;
let largest: { code: string; officers: number };
let complaintRef: string;

beforeAll(async () => {
  const { db } = e2e.app.database;
  const supervisor = await db.user.findUniqueOrThrow({ where: { email: "supervisor@vigila.demo" } });
  analystName = (await db.user.findUniqueOrThrow({ where: { email: "analista@vigila.demo" } })).name;
  const department = await db.department.findFirstOrThrow({ where: { stateCode: "16", kind: "MUNICIPAL" }, orderBy: { code: "asc" } });
  reviewId = (
    await openReview(
      db,
      { userId: supervisor.id, role: supervisor.role, stateCode: null },
      { departmentCode: department.code, scope: "Revisión e2e del control de confianza del turno nocturno", dueOn: "2020-01-15" },
    )
  ).id;
  const [top] = await db.$queryRaw<{ code: string; officers: number }[]>`
    select d.code, count(*)::int as officers from "Officer" o join "Department" d on d.id = o."departmentId"
    where o."hiredOn" <= current_date and (o."separatedOn" is null or o."separatedOn" > current_date)
    group by d.code order by count(*) desc, d.code limit 1`;
  largest = top!;
  const q = await db.complaint.findFirstOrThrow({
    where: { category: { in: ["TORTURE", "FORCED_DISAPPEARANCE", "EXTRAJUDICIAL_KILLING", "SEXUAL_ABUSE"] }, status: { not: "SUSTAINED" } },
    orderBy: { id: "asc" },
  });
  complaintRef = q.ref;
});

async function signedIn(email: string, path: string): Promise<{ page: Page; cspViolations: string[] }> {
  const watched = await e2e.watchedPage();
  await signIn(watched.page, e2e.app.baseUrl, email, "/");
  await watched.page.goto(`${e2e.app.baseUrl}${path}`);
  return watched;
}

describe("reviews workspace", () => {
  it("a supervisor finds the review among the overdue ones, reassigns it with a reason and comments on it", async () => {
    const { page, cspViolations } = await signedIn("supervisor@vigila.demo", "/reviews?view=overdue");
    const row = page.getByTestId("reviews-table").getByRole("link", { name: `Revisión ${reviewId}` });
    await row.waitFor();
    await e2e.checkPage(page, "reviews-overdue");
    await row.click();
    await page.waitForURL(`**/reviews/${reviewId}`);

    const reassign = page.getByRole("form", { name: "Reasignar" });
    await reassign.getByLabel("Nueva persona responsable").selectOption({ label: analystName });
    await reassign.getByLabel("Motivo (opcional, queda en el historial)").fill("La analista conoce la corporación");
    await reassign.getByRole("button", { name: "Reasignar" }).click();
    await reassign.getByRole("status").getByText(`Revisión reasignada a ${analystName}.`).waitFor();
    // The summary and the history update at once, without a reload.
    await page.getByTestId("review-summary").getByText(analystName).waitFor();
    const history = page.getByTestId("review-history");
    await history.getByText("Motivo: La analista conoce la corporación").waitFor();

    const thread = page.getByTestId("comment-thread");
    await thread.getByRole("textbox").fill("Se solicitó la plantilla actualizada a la corporación.");
    await thread.getByRole("button").last().click();
    await thread.getByText("Se solicitó la plantilla actualizada a la corporación.").waitFor();
    await e2e.checkPage(page, "review-workspace");
    expect(cspViolations).toEqual([]);

    const { db } = e2e.app.database;
    const stored = await db.review.findUniqueOrThrow({ where: { id: reviewId }, include: { owner: true, changes: true } });
    expect(stored.owner.name).toBe(analystName);
    expect(stored.changes).toMatchObject([{ field: "OWNER", reason: "La analista conoce la corporación" }]);
    expect(await db.comment.count({ where: { targetType: "REVIEW", targetId: String(reviewId) } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "review.reassign", targetId: String(reviewId) } })).toBe(1);
  });
});

describe("complaint status", () => {
  it("an analyst sustains a serious-abuse complaint by hand and its alert goes out", async () => {
    const { page, cspViolations } = await signedIn("analista@vigila.demo", `/complaints/${encodeURIComponent(complaintRef)}`);
    const form = page.getByRole("form", { name: "Cambiar el estado" });
    await form.getByLabel("Nuevo estado").selectOption("SUSTAINED");
    await form.getByLabel("Fecha de resolución").fill("");
    await form.getByRole("button", { name: "Guardar el estado" }).click();
    // Without a resolution date the server refuses it, in Spanish, and nothing changes.
    await form.getByText(/necesita su fecha de resolución/).waitFor();
    await form.getByLabel("Fecha de resolución").fill(new Date().toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Guardar el estado" }).click();
    await page.getByTestId("status-changed").getByText("Se emitió la alerta de abuso grave acreditado.").waitFor();
    await page.getByTestId("complaint-details").getByText("Acreditada", { exact: true }).waitFor();
    await e2e.checkPage(page, "complaint-status-changed");
    expect(cspViolations).toEqual([]);
    const { db } = e2e.app.database;
    const complaint = await db.complaint.findUniqueOrThrow({ where: { ref: complaintRef } });
    expect(complaint.status).toBe("SUSTAINED");
    expect(await db.alertEvent.count({ where: { key: `SERIOUS_ABUSE_SUSTAINED:c${complaint.id}` } })).toBe(1);
  });
});

describe("the largest dossier", () => {
  it("pages its officers to the end with the exact total", async () => {
    const { page } = await signedIn("supervisor@vigila.demo", `/departments/${encodeURIComponent(largest.code)}`);
    const pager = page.getByTestId("officers-pager");
    const total = new Intl.NumberFormat("es-MX").format(largest.officers);
    await pager.getByText(`de ${total}`).waitFor();
    expect(await page.getByTestId("officers-table").locator("tbody tr").count()).toBe(Math.min(50, largest.officers));
    await pager.getByRole("button", { name: "Última" }).click();
    const lastFrom = Math.floor((largest.officers - 1) / 50) * 50 + 1;
    await pager.getByText(`Mostrando ${new Intl.NumberFormat("es-MX").format(lastFrom)}–${total} de ${total}`).waitFor();
    expect(await page.getByTestId("officers-table").locator("tbody tr").count()).toBe(largest.officers - lastFrom + 1);
    expect(await pager.getByRole("button", { name: "Siguiente" }).isDisabled()).toBe(true);
    await e2e.checkPage(page, "dossier-officers-last-page");
  });
});
