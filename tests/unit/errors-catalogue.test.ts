import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES_ES } from "~/server/errors-catalogue";
import { localiseErrorMessage, spanishErrorMessage, spanishErrorTerm } from "~/server/errors-i18n";
import { ERROR_TERMS_ES } from "~/server/errors-terms";

/** A literal argument as the text it produces, each `${…}` replaced by a sample value. */
function literalText(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `«${span.expression.getText()}»${span.literal.text}`).join("");
  return null;
}

type Found = { where: string; kind: "message" | "term"; text: string };

/** Every message `new AppError(code, …)` / `new TRPCError({ message })` throws, and every record or field name passed to the helpers. */
function scan(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const add = (node: ts.Node, kind: Found["kind"], text: string | null, wrap = (t: string) => t) => {
    if (text === null) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ where: `${path.relative(process.cwd(), file)}:${line}`, kind, text: wrap(text) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText() === "AppError") add(node, "message", literalText(node.arguments?.[1]));
    if (ts.isNewExpression(node) && node.expression.getText() === "TRPCError") {
      const options = node.arguments?.[0];
      const message =
        options && ts.isObjectLiteralExpression(options) ? options.properties.find((p) => p.name?.getText() === "message") : undefined;
      if (message && ts.isPropertyAssignment(message)) add(node, "message", literalText(message.initializer));
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      const [first, second, third] = node.arguments;
      if (callee === "notFound") add(node, "term", literalText(first));
      if (callee === "plainResponse") add(node, "message", literalText(third));
      if (callee === "staleVersion") add(node, "term", literalText(first));
      if (callee === "requireText") add(node, "term", literalText(second));
      if (callee === "calendarDate" && third === undefined) add(node, "term", literalText(second));
      if (callee === "invalid" || callee === "refused") add(node, "term", literalText(callee === "invalid" ? first : second));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.startsWith("errors-") ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("error message catalogue", () => {
  // The file routes answer plain text through plainResponse (src/app/api), shown as is by the upload form.
  const found = [...sourceFiles(path.resolve("src/server")), ...sourceFiles(path.resolve("src/app/api"))].flatMap(scan);

  it("has Spanish for every literal message and record/field name thrown in src/server", () => {
    // Guards against a scan that silently finds nothing.
    expect(found.filter((f) => f.kind === "message").length).toBeGreaterThan(80);
    expect(found.filter((f) => f.kind === "term").length).toBeGreaterThan(40);
    const missing = found.filter((f) => (f.kind === "message" ? spanishErrorMessage(f.text) : spanishErrorTerm(f.text)) === null);
    expect(missing.map((f) => `${f.where} ${f.kind}: ${f.text}`)).toEqual([]);
  });

  it("uses the same placeholders in English and Spanish", () => {
    for (const [english, spanish] of Object.entries({ ...ERROR_MESSAGES_ES, ...ERROR_TERMS_ES })) {
      expect(placeholders(spanish), english).toEqual(placeholders(english));
    }
  });

  it("translates messages and the names inside them", () => {
    expect(spanishErrorMessage("Department not found")).toBe("No se encontró la corporación");
    expect(spanishErrorMessage("Rule set version 12 not found")).toBe("No se encontró la versión 12 del conjunto de reglas");
    expect(spanishErrorMessage("This review was changed by someone else since you loaded it; reload and try again")).toBe(
      "Otra persona modificó esta revisión después de que usted cargó la página; recargue e intente de nuevo",
    );
    expect(spanishErrorMessage("Justification must be at least 20 characters")).toBe("Justificación: debe tener al menos 20 caracteres");
    expect(spanishErrorMessage("Only a proposed receivership can be approved; this one is IMPOSED")).toBe(
      "Solo se puede aprobar una intervención propuesta; esta está en estado Vigente",
    );
    expect(
      localiseErrorMessage("You have already approved this receivership; a different person must give the second approval", "es"),
    ).toEqual({
      message: "Usted ya aprobó esta intervención; otra persona debe dar la segunda aprobación",
      translated: true,
    });
  });

  it("translates status codes and roles inside messages, also inside a translated reason", () => {
    expect(spanishErrorMessage("Import batch 5 cannot be confirmed: its status is VALIDATING")).toBe(
      "El lote de importación 5 no puede confirmarse: está en estado «Validando»",
    );
    expect(
      spanishErrorMessage(
        "Import batch 7 cannot be undone: only a completed import can be undone, and this one is UNDONE. Nothing was changed.",
      ),
    ).toBe(
      "El lote de importación 7 no puede deshacerse: solo se puede deshacer una importación completada, y esta está en estado «Deshecho». No se cambió nada.",
    );
    expect(spanishErrorMessage("Only STATE_AG users have a state; AUDITOR is nationwide")).toBe(
      "Solo los usuarios de Fiscalía General del Estado tienen estado; el rol Auditoría tiene alcance nacional",
    );
  });

  it("leaves English as it is and reports unknown messages as untranslated", () => {
    expect(localiseErrorMessage("Department not found", "en")).toEqual({ message: "Department not found", translated: true });
    expect(localiseErrorMessage("connection terminated unexpectedly", "es")).toEqual({
      message: "connection terminated unexpectedly",
      translated: false,
    });
  });
});
