import { resolveDatabase } from "../../server/db/connection";
import { applyMigrations } from "../../server/db/migrate";
import { type Command, EXIT } from "../command";

export const dbMigrate: Command = {
  name: "db:migrate",
  summary: "Apply pending database migrations (from prisma/migrations)",
  usage: "vigila db:migrate",
  run: async () => {
    const { url } = await resolveDatabase();
    const applied = await applyMigrations(url);
    process.stdout.write(applied.length ? `Applied: ${applied.join(", ")}\n` : "Database is up to date.\n");
    return EXIT.OK;
  },
};
