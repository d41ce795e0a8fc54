import { encode } from "next-auth/jwt";
import type { Role } from "~/generated/prisma/enums";
import { authConfigFromEnv, cookieNames } from "~/server/auth/config";
import { newSessionId } from "~/server/auth/sessions";
import type { Db } from "~/server/db/client";
import { createUser } from "~/server/users/create-user";

let counter = 0;

/**
 * A signed-in caller of the app's own route handlers: a user of `role`, a live server-side session and
 * the next-auth cookie that carries its id, sealed with this process's secret (as the login would).
 */
export async function routeSession(db: Db, role: Role, stateCode: string | null = null) {
  const email = `route${++counter}.${process.pid}@example.mx`;
  const user = await createUser(db, null, { email, name: `Ruta ${counter}`, role, stateCode, password: "prueba larga y segura 2026" });
  const now = new Date();
  const sid = newSessionId();
  const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  await db.userSession.create({
    data: { id: sid, userId: user.id, sessionVersion: fresh.sessionVersion, createdAt: now, lastSeenAt: now },
  });
  const config = authConfigFromEnv();
  const token = await encode({ token: { sid, sub: String(user.id) }, secret: config.secret });
  return { userId: user.id, sessionId: sid, cookie: `${cookieNames(config.secureCookies).session}=${token}` };
}
