import { recordAuditNow } from "../../server/audit/record";
import { type ChainAnchor, type ChainReport, verifyAuditChain } from "../../server/audit/verify";
import { prepareDatabase } from "../../server/db/prepare";
import { type Command, EXIT, UsageError, stringOption } from "../command";

function parseAnchor(value: string | undefined): ChainAnchor | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new UsageError(`--anchor must be <event id>:<64 hex hash> as printed by a previous run, got '${value}'`);
  return { id: BigInt(match[1]!), hash: match[2]! };
}

function parsePageSize(value: string | undefined): number {
  if (value === undefined) return 1000;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 100_000)
    throw new UsageError(`--page-size must be a whole number from 1 to 100000, got '${value}'`);
  return size;
}

export function describeReport(report: ChainReport): string {
  if (report.intact) {
    const head = report.head
      ? ` Head: event ${report.head.id} ${report.head.hash} (keep it to pass as --anchor ${report.head.id}:${report.head.hash}).`
      : "";
    return `Audit chain intact: ${report.count} events checked.${head}\n`;
  }
  if ("anchor" in report) {
    return report.anchorProblem === "missing"
      ? `Audit chain BROKEN: anchor event ${report.anchor.id} no longer exists (the trail was truncated or rewritten). ${report.count} events checked.\n`
      : `Audit chain BROKEN: anchor event ${report.anchor.id} now has hash ${report.storedHash}, recorded as ${report.anchor.hash} (the trail was rewritten). ${report.count} events checked.\n`;
  }
  const { broken } = report;
  const why =
    broken.field === "hash"
      ? "its contents do not produce its stored hash (the row was edited after it was written)"
      : broken.previousId === null
        ? "it is the first row but does not start the chain (earlier events were deleted)"
        : `its prevHash is not the hash of event ${broken.previousId} (events between them were deleted, or earlier events rewritten)`;
  return (
    `Audit chain BROKEN at event ${broken.id}: ${why}.\n` +
    `  stored ${broken.field}:   ${broken.stored}\n` +
    `  expected ${broken.field}: ${broken.expected}\n` +
    `${report.count} events before it checked out.\n`
  );
}

export const auditVerify: Command = {
  name: "audit:verify",
  summary: "Check the audit trail's hash chain end to end; names the first tampered event",
  usage: "vigila audit:verify [--anchor <id>:<hash>] [--page-size <n>]",
  options: { anchor: { type: "string" }, "page-size": { type: "string" } },
  run: async ({ values }) => {
    const anchor = parseAnchor(stringOption(values, "anchor"));
    const pageSize = parsePageSize(stringOption(values, "page-size"));
    const db = await prepareDatabase();
    const report = await verifyAuditChain(db, { pageSize, anchor });
    process.stdout.write(describeReport(report));
    // Reading the trail is itself audited, after the walk so the check covers what it found.
    await recordAuditNow(db, {
      actor: { userId: null },
      action: "audit.verify",
      metadata: {
        intact: report.intact,
        checked: report.count,
        ...("broken" in report ? { brokenAtId: report.broken.id.toString(), field: report.broken.field } : {}),
        ...("anchor" in report ? { anchorId: report.anchor.id.toString(), anchorProblem: report.anchorProblem } : {}),
      },
    });
    return report.intact ? EXIT.OK : EXIT.REJECTED;
  },
};
