"use client";

import { useTranslations } from "next-intl";
import { Alert } from "./alert";

/** What the API puts in a failed request's `data` (see the errorFormatter in src/server/api/trpc.ts). */
type ErrorData = { code?: string; translated?: boolean } | null | undefined;

const CODES = ["NOT_FOUND", "FORBIDDEN", "CONFLICT", "BAD_REQUEST", "UNAUTHORIZED", "PRECONDITION_FAILED", "TOO_MANY_REQUESTS"] as const;
type KnownCode = (typeof CODES)[number];
const isKnownCode = (code: unknown): code is KnownCode => (CODES as readonly unknown[]).includes(code);

function parts(error: unknown): { message: string; data: ErrorData } {
  if (error instanceof Error || (typeof error === "object" && error !== null && "message" in error)) {
    const { message, data } = error as { message?: unknown; data?: ErrorData };
    return { message: typeof message === "string" ? message : "", data };
  }
  return { message: typeof error === "string" ? error : "", data: null };
}

/**
 * The one way the UI shows a failed request. The API already speaks the user's language; a message it
 * could not translate (or a network failure) becomes a generic sentence per code, the original under "details".
 * `wrap` puts the sentence into a context message such as "The list could not be loaded: …".
 */
export function ErrorAlert({ error, wrap, className }: { error: unknown; wrap?: (message: string) => string; className?: string }) {
  const t = useTranslations("errors");
  if (!error) return null;
  const { message, data } = parts(error);
  const known = data?.translated === true && message !== "";
  const text = known ? message : t(`code.${isKnownCode(data?.code) ? data.code : "OTHER"}`);
  return (
    <Alert tone="error" className={className}>
      <p>{wrap ? wrap(text) : text}</p>
      {!known && message ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer">{t("details")}</summary>
          <p className="mt-1 break-words">{message}</p>
        </details>
      ) : null}
    </Alert>
  );
}
