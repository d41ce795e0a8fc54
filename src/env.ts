import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** Every environment variable Vigila reads, validated once. Nothing else reads `process.env`. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url().optional(),
    VIGILA_DATA_DIR: z.string().min(1).default("./.data"),
    VIGILA_DEMO: z.enum(["0", "1"]).default("0"),
    AUTH_SECRET: z.string().min(32).optional(),
    AUTH_URL: z.url().optional(),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default("Vigila <alertas@vigila.local>"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Address `vigila start` / `demo` bind the web app to; loopback unless deliberately exposed.
    HOST: z.string().min(1).default("127.0.0.1"),
    // Reverse proxies of our own in front of the app: the client address is the X-Forwarded-For entry this many from the end.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

/**
 * Values read when asked, not when this module loads: the CLI and the test harness set them for a
 * child or a test database after Vigila's modules are loaded (bootstrapping the connection).
 */
export const liveEnv = {
  databaseUrl: (): string | undefined => process.env.DATABASE_URL ?? env.DATABASE_URL,
  // With SKIP_ENV_VALIDATION (build tooling) the schema's defaults are not applied, hence the fallbacks.
  dataDir: (): string => process.env.VIGILA_DATA_DIR || env.VIGILA_DATA_DIR || "./.data",
  demo: (): string => process.env.VIGILA_DEMO || env.VIGILA_DEMO || "0",
  // Not validated: the logger must work even when the rest of the environment is invalid.
  logLevel: (): string | undefined => process.env.LOG_LEVEL,
  // Where the migrations live; a packaged install may point elsewhere (tests do).
  prismaDir: (): string | undefined => process.env.VIGILA_PRISMA_DIR,
};

/** The environment a child process (the built app, the worker, PostgreSQL, `next build`) starts with. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/** next-auth 4 reads its own public URL (or the permission to trust the Host header) only from `process.env`. */
export function exposeToNextAuth(publicUrl: string | null): void {
  if (publicUrl) process.env.NEXTAUTH_URL = publicUrl;
  else process.env.AUTH_TRUST_HOST = "true";
}

/** Inlined by Next at build time, so the browser bundle can read it too. */
export const isDevelopmentBuild = process.env.NODE_ENV === "development";
