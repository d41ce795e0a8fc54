import { runAlertsCycle } from "../../server/alerts/cycle";
import { resolveDatabase } from "../../server/db/connection";
import { prepareDatabase } from "../../server/db/prepare";
import { outboxSummary } from "../../server/email/outbox-admin";
import { OutboxSender, SenderLiveness } from "../../server/email/sender";
import { configuredTransport } from "../../server/email/transport";
import { type Command, EXIT } from "../command";

export const alertsRunCommand: Command = {
  name: "alerts:run",
  summary: "Detect alerts, write due immediate alerts and digests, and send the outbox now",
  usage: "vigila alerts:run [--now]   (--now: send the upcoming digests now instead of at each user's hour)",
  options: { now: { type: "boolean" } },
  run: async ({ values }) => {
    const db = await prepareDatabase();
    const cycle = await runAlertsCycle(db, { force: values.now === true });
    const detected = Object.values(cycle.detected).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `Alerts: ${detected} new event(s), ${cycle.immediate.emails} immediate email(s), ${cycle.digests.emails} digest email(s)` +
        ` (${cycle.digests.built} digest period(s) built).\n`,
    );
    const transport = await configuredTransport();
    if (!transport) {
      process.stdout.write("Not sending: SMTP_URL is not set. Emails wait in the outbox.\n");
      return EXIT.REJECTED;
    }
    const liveness = new SenderLiveness((await resolveDatabase()).url);
    try {
      const sent = await new OutboxSender(db, transport, liveness).drain();
      const { backlog } = await outboxSummary(db);
      process.stdout.write(
        `Outbox: ${sent.sent} sent, ${sent.failed} failed permanently, ${sent.cancelled} cancelled, ${sent.retrying} to retry;` +
          ` ${backlog} waiting.${sent.transportDown ? ` SMTP server unreachable (${transport.description}).` : ""}\n`,
      );
      return sent.transportDown ? EXIT.REJECTED : EXIT.OK;
    } finally {
      await liveness.close();
      transport.close();
      await transport.stopCatcher?.();
    }
  },
};
