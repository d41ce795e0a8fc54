import { AppError } from "../errors";
import { type RuleSetDefinition, ZRuleSetDefinition } from "../rules/definition";

/** Problems by field path ("rules.2.params.windowDays"), as the editor form shows them next to each field. */
export type FieldErrors = Record<string, string[]>;

/**
 * Checks a definition with the engine's own schema (the one `compileDefinition` uses), so the editor
 * can never save what the engine would refuse to run. A bad one is a BAD_REQUEST whose details carry
 * every problem by field path; nothing is saved.
 */
export function validDefinition(raw: unknown): RuleSetDefinition {
  const parsed = ZRuleSetDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".") || "definition";
    (fieldErrors[path] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors).map(([path, messages]) => `${path}: ${messages.join(", ")}`);
  throw new AppError("BAD_REQUEST", `The rule set is not valid: ${summary.join("; ")}`, { fieldErrors });
}
