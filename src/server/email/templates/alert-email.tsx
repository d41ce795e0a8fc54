import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

export type AlertEmailSection = { title: string; lines: string[]; more: string | null };

export type AlertEmailProps = {
  lang: "es" | "en";
  heading: string;
  intro: string;
  preview: string;
  sections: AlertEmailSection[];
  settingsLabel: string;
  settingsUrl: string;
  unsubscribeLabel: string;
  unsubscribeUrl: string;
  footer: string;
};

const page = { backgroundColor: "#f8fafc", fontFamily: "system-ui, 'Segoe UI', Roboto, Arial, sans-serif", color: "#0f172a" };
const card = { backgroundColor: "#ffffff", padding: "24px", border: "1px solid #e2e8f0" };
const small = { fontSize: "12px", lineHeight: "18px", color: "#475569" };

/** One template for immediate alerts (one section) and digests (one section per trigger). */
export function AlertEmail(props: AlertEmailProps) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: "20px", color: "#0b5d43" }}>
            {props.heading}
          </Heading>
          <Text>{props.intro}</Text>
          {props.sections.map((section) => (
            <Section key={section.title}>
              <Heading as="h2" style={{ fontSize: "16px" }}>
                {section.title}
              </Heading>
              {section.lines.map((line, i) => (
                <Text key={i} style={{ margin: "4px 0" }}>
                  {`• ${line}`}
                </Text>
              ))}
              {section.more ? <Text style={{ margin: "4px 0" }}>{section.more}</Text> : null}
            </Section>
          ))}
          <Hr />
          <Text style={small}>{props.footer}</Text>
          <Text style={small}>
            <Link href={props.settingsUrl}>{props.settingsLabel}</Link>
            {" · "}
            <Link href={props.unsubscribeUrl}>{props.unsubscribeLabel}</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
