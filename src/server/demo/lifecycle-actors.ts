import type { Db } from "../db/client";
import { newSessionId } from "../auth/sessions";
import type { WorkflowScope } from "../workflow/context";

/** The audit rows of the demo's history say where they came from: the seeder, not a browser. */
export const DEMO_ORIGIN = { ip: null, userAgent: "vigila seed --demo (demo history)" };

export type DemoActors = { supervisor: WorkflowScope; analyst: WorkflowScope; michoacan: WorkflowScope; jalisco: WorkflowScope };

/** The demo accounts who act in the demo's history, as the workflow services expect their caller. */
export async function demoActors(db: Db): Promise<DemoActors> {
  const scope = async (email: string): Promise<WorkflowScope> => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, stateCode: true } });
    return { userId: user.id, role: user.role, stateCode: user.stateCode, origin: DEMO_ORIGIN };
  };
  return {
    supervisor: await scope("supervisor@vigila.demo"),
    analyst: await scope("analista@vigila.demo"),
    michoacan: await scope("fiscal.michoacan@vigila.demo"),
    jalisco: await scope("fiscal.jalisco@vigila.demo"),
  };
}

/**
 * Runs `act` as `actor` inside a session that counts as freshly re-authenticated, as the approval of a
 * receivership requires, and ends the session right after. The session row (user agent: the seeder)
 * is what the approval's audit row points to, so the trail shows the approval came from the seeder.
 */
export async function withFreshSession<T>(db: Db, actor: WorkflowScope, act: (scope: WorkflowScope) => Promise<T>): Promise<T> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } });
  const id = newSessionId();
  const now = new Date();
  await db.userSession.create({
    data: { id, userId: actor.userId, sessionVersion: user.sessionVersion, createdAt: now, lastSeenAt: now, reauthAt: now, ...DEMO_ORIGIN },
  });
  try {
    return await act({ ...actor, sessionId: id });
  } finally {
    await db.userSession.update({ where: { id }, data: { endedAt: new Date() } });
  }
}
