import { auditRouter } from "./routers/audit";
import { dashboardRouter } from "./routers/dashboard";
import { departmentsRouter } from "./routers/departments";
import { evaluationsRouter } from "./routers/evaluations";
import { officersRouter } from "./routers/officers";
import { complaintsRouter } from "./routers/complaints";
import { commentsRouter } from "./routers/comments";
import { receivershipRouter } from "./routers/receivership";
import { recommendationsRouter } from "./routers/recommendations";
import { reviewsRouter } from "./routers/reviews";
import { sessionRouter } from "./routers/session";
import { timelineRouter } from "./routers/timeline";
import { usersRouter } from "./routers/users";
import { alertsRouter } from "./routers/alerts";
import { outboxRouter } from "./routers/outbox";
import { rulesRouter } from "./routers/rules";
import { importsRouter } from "./routers/imports";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  audit: auditRouter,
  dashboard: dashboardRouter,
  departments: departmentsRouter,
  evaluations: evaluationsRouter,
  officers: officersRouter,
  complaints: complaintsRouter,
  recommendations: recommendationsRouter,
  reviews: reviewsRouter,
  receivership: receivershipRouter,
  comments: commentsRouter,
  timeline: timelineRouter,
  session: sessionRouter,
  users: usersRouter,
  alerts: alertsRouter,
  outbox: outboxRouter,
  rules: rulesRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
