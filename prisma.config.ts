import { defineConfig } from "prisma/config";

// Migrations are applied by `vigila db:migrate` (WASM schema engine, no download needed);
// `prisma migrate deploy` reads the same folder where the native engine is available.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/vigila" },
});
