#!/usr/bin/env node
// The `vigila` command: TypeScript sources run through tsx, so the CLI and the app share one codebase.
import { register } from "tsx/esm/api";
register();
await import("../src/cli/index.ts");
