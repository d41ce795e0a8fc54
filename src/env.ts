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
