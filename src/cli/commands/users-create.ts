import { AppError } from "../../server/errors";
import { prepareDatabase } from "../../server/db/prepare";
import { createUser } from "../../server/users/create-user";
import { ROLES } from "../../server/users/rules";
import { type Command, EXIT, UsageError, stringOption } from "../command";

/** Reads one line from the terminal without echoing it. */
async function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = "";
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === "\r" || char === "\n") {
            stdin.off("data", onData);
            process.stderr.write("\n");
            resolve(value);
            return;
          }
          if (char === "\u0003") {
            stdin.off("data", onData);
            reject(new UsageError("Cancelled."));
            return;
          }
          if (char === "\u007f" || char === "\b") value = Array.from(value).slice(0, -1).join("");
          else value += char;
        }
      };
      stdin.on("data", onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}

/** The password comes from stdin (never an argument: it would show in `ps` and shell history). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden("Password: ");
    const second = await promptHidden("Repeat password: ");
    if (first !== second) throw new UsageError("The two passwords differ.");
    return first;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

export const usersCreate: Command = {
  name: "users:create",
  summary: "Create a user; reads the password from stdin and prints the TOTP secret once",
  usage: "vigila users:create --email EMAIL --role ADMIN|IA_SUPERVISOR|IA_ANALYST|STATE_AG|AUDITOR [--state NN] [--name NAME] < password",
  options: { email: { type: "string" }, role: { type: "string" }, state: { type: "string" }, name: { type: "string" } },
  run: async ({ values }) => {
    const email = stringOption(values, "email");
    const role = stringOption(values, "role");
    const state = stringOption(values, "state") ?? null;
    if (!email) throw new UsageError("--email is required.");
    if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}.`);
    if (state !== null && !/^\d{2}$/.test(state)) throw new UsageError("--state is a two-digit INEGI state code, e.g. 16.");
    const password = await readPassword();
    if (!password) throw new UsageError("No password on stdin.");

    const db = await prepareDatabase();
    try {
      const user = await createUser(db, null, {
        email,
        name: stringOption(values, "name") ?? email.split("@")[0]!,
        role: role as (typeof ROLES)[number],
        stateCode: state,
        password,
      });
      process.stdout.write(
        `Created user ${user.id} ${user.email} (${user.role}${user.stateCode ? `, state ${user.stateCode}` : ""}).\n` +
          `TOTP secret (shown only now; add it to the user's authenticator app): ${user.totpSecret}\n` +
          `otpauth URI: ${user.otpauthUri}\n`,
      );
      return EXIT.OK;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return EXIT.REJECTED;
    }
  },
};
