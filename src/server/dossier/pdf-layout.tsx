import { Font, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Styles } from "@react-pdf/renderer";

type Style = Styles[string];
import type { ReactNode } from "react";
import { printable } from "./localize";

// Codes, references and names are never split with a hyphen in a filed document.
Font.registerHyphenationCallback((word) => [word]);

export const styles = StyleSheet.create({
  page: { paddingTop: 36, paddingBottom: 44, paddingHorizontal: 40, fontSize: 9, fontFamily: "Helvetica", lineHeight: 1.3 },
  h1: { fontSize: 16, fontFamily: "Helvetica-Bold" },
  h2: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 4, borderBottomWidth: 0.5, borderBottomColor: "#888" },
  muted: { color: "#444", fontSize: 8 },
  row: { flexDirection: "row", borderBottomWidth: 0.3, borderBottomColor: "#ccc", paddingVertical: 2 },
  head: { fontFamily: "Helvetica-Bold" },
  cell: { paddingRight: 4 },
  footer: {
    position: "absolute",
    bottom: 20,
    left: 40,
    right: 40,
    fontSize: 7,
    color: "#444",
    flexDirection: "row",
    justifyContent: "space-between",
  },
});

/** Text with the characters the standard PDF fonts cannot draw spelled out (see `printable`). */
export const P = ({ children, style }: { children: string; style?: Style | Style[] }) => <Text style={style}>{printable(children)}</Text>;

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View>
      <Text style={styles.h2} minPresenceAhead={40}>
        {printable(title)}
      </Text>
      {children}
    </View>
  );
}

/** A table as rows of cells; `widths` are flex weights, one per column. */
export function Table({ head, rows, widths }: { head: string[]; rows: string[][]; widths: number[] }) {
  const line = (cells: string[], key: string, bold = false) => (
    <View key={key} style={styles.row} wrap={false}>
      {cells.map((cell, i) => (
        <Text key={i} style={[styles.cell, { flex: widths[i] ?? 1 }, bold ? styles.head : {}]}>
          {printable(cell)}
        </Text>
      ))}
    </View>
  );
  return (
    <View>
      {line(head, "head", true)}
      {rows.map((cells, i) => line(cells, String(i)))}
    </View>
  );
}

/** Label–value pairs, one per line. */
export function Facts({ items }: { items: [string, string][] }) {
  return (
    <View>
      {items.map(([label, value]) => (
        <View key={label} style={{ flexDirection: "row" }}>
          <Text style={[styles.head, { width: 150 }]}>{printable(label)}</Text>
          <Text style={{ flex: 1 }}>{printable(value)}</Text>
        </View>
      ))}
    </View>
  );
}
