import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as upload } from "~/app/api/imports/upload/route";
import { LOCALE_COOKIE } from "~/i18n/locales";
import { plainResponse } from "~/server/imports/route-access";

// The upload form shows the file routes' plain-text refusals as they come: they must speak the
// reader's language (the language cookie; Spanish without one), like tRPC errors do.
const SITE = "https://vigila.test";
const post = (headers: Record<string, string>) =>
  upload(
    new NextRequest(`${SITE}/api/imports/upload?kind=officers&name=a.csv`, {
      method: "POST",
      headers: { host: "vigila.test", ...headers },
      body: "x",
    }),
  );

describe("file routes' plain-text answers", () => {
  it("refuse a cross-site upload in Spanish by default and in English with the English cookie", async () => {
    const spanish = await post({ origin: "https://evil.example" });
    expect(spanish.status).toBe(403);
    expect(await spanish.text()).toBe("Solicitud rechazada: proviene de otro sitio\n");
    const english = await post({ origin: "https://evil.example", cookie: `${LOCALE_COOKIE}=en` });
    expect(await english.text()).toBe("Cross-origin request refused\n");
    expect(english.headers.get("cache-control")).toBe("no-store");
  });

  it("translate interpolated templates and keep unknown messages as they are", async () => {
    const request = new Request(`${SITE}/x`, { headers: { cookie: `${LOCALE_COOKIE}=es` } });
    expect(await plainResponse(request, 413, "The file is larger than the limit of 50 MB").text()).toBe(
      "El archivo supera el límite de 50 MB\n",
    );
    expect(await plainResponse(request, 401, "Sign in first").text()).toBe("Primero inicie sesión\n");
    expect(await plainResponse(request, 500, "socket hang up").text()).toBe("socket hang up\n");
  });
});
