import { describe, expect, it } from "vitest";
import { compileDefinition } from "~/server/rules/definition";
import { parseRuleSetRef } from "~/server/rules/rule-sets";

const rule = (overrides: Record<string, unknown> = {}) => ({
  id: "vetting-coverage",
  title: "Vetting coverage",
  metric: "vettingCoverage",
  params: {},
  levels: [{ level: "WATCH", when: { figure: "V", op: "<", than: 90 } }],
  ...overrides,
});

describe("rule-set definitions", () => {
  it("compile into rules with their thresholds described", () => {
    const [compiled] = compileDefinition({
      rules: [
        rule({
          levels: [
            {
              level: "REVIEW",
              when: {
                all: [
                  { figure: "V", op: "<", than: 75 },
                  { figure: "N", op: ">=", than: 10 },
                ],
              },
            },
          ],
        }),
      ],
    });
    expect(compiled).toMatchObject({
      id: "vetting-coverage",
      metricId: "vettingCoverage",
      levels: [{ level: "REVIEW", threshold: "V < 75 and N ≥ 10" }],
    });
  });

  it.each([
    [{ rules: [] }, "rules: Too small"],
    [{ rules: [rule({ metric: "crystalBall" })] }, "rules.0.metric"],
    [{ rules: [rule(), rule()] }, "duplicate rule id 'vetting-coverage'"],
    [
      { rules: [rule({ levels: [{ level: "WATCH", when: { figure: "T", op: "<", than: 80 } }] })] },
      "metric vettingCoverage has no figure 'T'",
    ],
    [{ rules: [rule({ levels: [{ level: "NONE", when: { figure: "V", op: "<", than: 1 } }] })] }, "rules.0.levels.0.level"],
    [
      {
        rules: [
          rule({
            levels: [
              { level: "WATCH", when: { figure: "V", op: "<", than: 90 } },
              { level: "WATCH", when: { figure: "V", op: "<", than: 80 } },
            ],
          }),
        ],
      },
      "level WATCH appears twice",
    ],
    [{ rules: [rule({ levels: [{ level: "WATCH", when: { figure: "V", op: "≈", than: 90 } }] })] }, "rules.0.levels.0.when"],
    [
      {
        rules: [
          rule({
            metric: "trainingCompliance",
            params: { initialCourseCode: "FI", windowDays: 365, minHours: 40.001 },
            levels: [{ level: "WATCH", when: { figure: "T", op: "<", than: 80 } }],
          }),
        ],
      },
      "rules.0.params.minHours: at most two decimals",
    ],
    [
      {
        rules: [
          rule({
            metric: "failedVettingOnDuty",
            params: { minDaysSinceFailure: "90" },
            levels: [{ level: "REVIEW", when: { figure: "F", op: ">=", than: 1 } }],
          }),
        ],
      },
      "rules.0.params.minDaysSinceFailure",
    ],
    [
      {
        rules: [
          rule({
            metric: "complaintCount",
            params: { windowDays: 365, filter: { sources: ["TWITTER"] } },
            levels: [{ level: "REVIEW", when: { figure: "count", op: ">=", than: 1 } }],
          }),
        ],
      },
      "rules.0.params.filter.sources.0",
    ],
    [{ rules: [rule({ id: "Vetting Coverage" })] }, "rules.0.id: lowercase words separated by hyphens"],
    [{ rules: [rule()], extra: true }, "Unrecognized key"],
  ])("reject %j with a message naming the problem", (definition, message) => {
    expect(() => compileDefinition(definition)).toThrow(message);
  });
});

describe("rule-set references", () => {
  it("parse ID and ID@VERSION", () => {
    expect(parseRuleSetRef("federal-baseline")).toEqual({ ruleSetId: "federal-baseline", version: null });
    expect(parseRuleSetRef("federal-baseline@12")).toEqual({ ruleSetId: "federal-baseline", version: 12 });
    for (const bad of ["", "federal-baseline@", "federal-baseline@0", "federal-baseline@v1", "Federal", "a@1@2"]) {
      expect(() => parseRuleSetRef(bad)).toThrow(/expected ID or ID@VERSION/);
    }
  });
});
