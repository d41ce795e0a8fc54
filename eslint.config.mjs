// Flat config: Next's core-web-vitals (react, react-hooks, jsx-a11y, import), typescript-eslint strict
// with type information, Prettier last (formatting is Prettier's job), then the house rules that
// docs/architecture.md states in words.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import tseslint from "typescript-eslint";

const serverDbImports = {
  patterns: [
    {
      group: ["**/server/db", "**/server/db/*", "~/server/db", "~/server/db/*"],
      message: "Pages and components reach data through services (tRPC or src/server/<area>), never the database module.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: ["node_modules/", ".next/", ".data/", "src/generated/", "next-env.d.ts", "test-results/", "bin/", "**/*.mjs", "**/*.js"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  { rules: jsxA11y.flatConfigs.recommended.rules },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // noUncheckedIndexedAccess types every index read as possibly undefined; `!` marks the reads the
      // code has already proved (a row the query returned, a key just set). Unproved reads use `?.`.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Numbers read naturally in messages and SQL fragments; objects, nullish values and unions still fail.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["src/**"],
    ignores: ["src/env.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration from src/env.ts: it validates every variable in one place.",
        },
        {
          selector: "TSAsExpression > TSAsExpression[typeAnnotation.type='TSUnknownKeyword']",
          message: "`as unknown as` silences the type checker; narrow the value or fix the type instead.",
        },
      ],
    },
  },
  {
    // Route handlers are the edge itself; pages and components are not.
    files: ["src/app/**/*.tsx", "src/components/**"],
    rules: { "no-restricted-imports": ["error", serverDbImports] },
  },
  {
    // vitest fixtures and bench helpers are named use…() but are not React hooks.
    files: ["tests/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // vitest's asymmetric matchers (expect.any, objectContaining) are typed `any`, and test fakes
    // implement async interfaces without awaiting; the unsafe-any checks would flag every assertion.
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
      // afterAll cleanups guard (`?.`) against a beforeAll that failed before assigning its fixture,
      // which the declared types cannot know about.
      "@typescript-eslint/no-unnecessary-condition": "off",
    },
  },
  prettier,
);
