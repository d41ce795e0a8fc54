import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as departmentsExport } from "~/app/departments/export/route";
import { clientIp } from "~/server/auth/client-ip";
import { useTestDatabase } from "../support/database";
import { routeSession } from "../support/route-session";
import { Clock, createTestUser, nextAuthOptions, signInThroughNextAuth } from "./auth-support";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "c".repeat(48);
});

const test = useTestDatabase();
const FORGED = "6.6.6.6";
const PROXY_SAW = "198.51.100.4";

beforeAll(() => {
  process.env.DATABASE_URL = test.current.url;
});

describe("the client address", () => {
  it("is the entry TRUSTED_PROXY_HOPS places from the end of X-Forwarded-For (default 1: the last)", () => {
    const headers = new Headers({ "x-forwarded-for": `${FORGED}, 10.0.0.9 , ${PROXY_SAW}` });
    expect(clientIp(headers)).toBe(PROXY_SAW);
    expect(clientIp(headers, 2)).toBe("10.0.0.9");
    expect(clientIp(headers, 3)).toBe(FORGED);
    // Fewer entries than trusted proxies: all were written by them, the first is the client.
    expect(clientIp(new Headers({ "x-forwarded-for": PROXY_SAW }), 2)).toBe(PROXY_SAW);
    expect(clientIp({ "x-real-ip": " 192.0.2.1 " })).toBe("192.0.2.1");
    expect(clientIp(new Headers())).toBeNull();
  });

  it("a forged first hop never reaches the audit trail of a file route", async () => {
    const { db } = test.current;
    const { cookie } = await routeSession(db, "IA_ANALYST");
    const response = await departmentsExport(
      new Request("http://127.0.0.1:3000/departments/export", { headers: { cookie, "x-forwarded-for": `${FORGED}, ${PROXY_SAW}` } }),
    );
    expect(response.status).toBe(200);
    await response.text();
    const events = await db.auditEvent.findMany({ where: { action: { startsWith: "departments.export" } } });
    expect(events.map((e) => e.ip)).toEqual([PROXY_SAW, PROXY_SAW]);
  });

  it("a forged first hop never reaches the sign-in throttle or its audit events", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const clock = new Clock(new Date());
    await signInThroughNextAuth(
      nextAuthOptions(db, clock),
      { email: user.email, password: "wrong", totp: "000000" },
      `${FORGED}, ${PROXY_SAW}`,
    );
    const attempts = await db.loginAttempt.findMany({ select: { ip: true } });
    expect(attempts.map((a) => a.ip)).toEqual([PROXY_SAW]);
    const signIns = await db.auditEvent.findMany({ where: { action: { startsWith: "auth." } }, select: { ip: true } });
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((e) => e.ip === PROXY_SAW)).toBe(true);
    expect(await db.auditEvent.count({ where: { ip: { contains: FORGED } } })).toBe(0);
  });
});
