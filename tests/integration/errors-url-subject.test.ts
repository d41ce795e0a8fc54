import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { decodeSubject, isMissingSubject } from "~/app/_lib/url-subject";
import type { Scope } from "~/server/authz/scope";
import { useTestDatabase } from "../support/database";
import { callerFor } from "../support/trpc-context";

const test = useTestDatabase();
const analyst: Scope = { userId: 0, role: "IA_ANALYST", stateCode: null };
const caller = () => callerFor(test.current.db, analyst);

/** What the detail pages' query throws for a URL subject; fetchOrNotFound turns `isMissingSubject` ones into the 404 page. */
async function failureOf(query: () => Promise<unknown>): Promise<unknown> {
  try {
    await query();
  } catch (error) {
    return error;
  }
  throw new Error("the query succeeded");
}

describe("detail pages: a malformed id is answered like an unknown one", () => {
  const long = "X".repeat(41);

  it("an unknown officer, complaint, department or state is a missing subject", async () => {
    for (const error of [
      await failureOf(() => caller().officers.get({ id: "NO-SUCH" })),
      await failureOf(() => caller().complaints.get({ ref: "NO-SUCH" })),
      await failureOf(() => caller().departments.dossier({ code: "NO-SUCH" })),
      await failureOf(() => caller().dashboard.overview({ stateCode: "99" })),
    ]) {
      expect(isMissingSubject(error)).toBe(true);
    }
  });

  it("an id too long or empty for the procedure's input is a missing subject too, not an error page", async () => {
    for (const error of [
      await failureOf(() => caller().officers.get({ id: "X".repeat(31) })),
      await failureOf(() => caller().complaints.get({ ref: long })),
      await failureOf(() => caller().departments.dossier({ code: long })),
      await failureOf(() => caller().departments.dossier({ code: "   " })),
    ]) {
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(isMissingSubject(error)).toBe(true);
    }
  });

  it("other failures still reach the error page", async () => {
    const anonymous = await failureOf(() => callerFor(test.current.db, null).officers.get({ id: "NO-SUCH" }));
    expect(isMissingSubject(anonymous)).toBe(false);
    expect(anonymous).toMatchObject({ code: "UNAUTHORIZED" });
    // A service's own BAD_REQUEST (not the input schema refusing the URL's id) is a real error.
    expect(isMissingSubject(new TRPCError({ code: "BAD_REQUEST", message: "Give either a run or an evaluation date, not both" }))).toBe(
      false,
    );
    expect(isMissingSubject(new Error("connection lost"))).toBe(false);
  });

  it("a segment with broken percent-encoding decodes to nothing (404), a good one to its text", () => {
    expect(decodeSubject("%E0%A4%A")).toBeNull();
    expect(decodeSubject("Q-2024%2F17")).toBe("Q-2024/17");
  });
});
