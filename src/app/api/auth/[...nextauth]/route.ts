import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "~/server/auth/next-auth";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 types its route handler as `any`; in the App Router it answers with a Response.
const handler = (req: NextRequest, context: Context) => NextAuth(req, context, getAuthOptions()) as Promise<Response>;

export { handler as GET, handler as POST };
