import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

// The metrics of the 14 standard PDF fonts, which react-pdf's documents use without embedding them.
const standardFontDataUrl = path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts/");

/**
 * A PDF's text in content order, as a reader would copy it: runs on one line joined (with a space where the
 * layout leaves a gap), lines and cells separated by one space, every run of whitespace made a single space.
 * pdf.js in-process, so the tests need no system binary.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl })
    .promise;
  try {
    let text = "";
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      let previous: TextItem | null = null;
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += separator(previous, item) + item.str;
        previous = item;
      }
      text += " ";
    }
    return text.replace(/\s+/g, " ");
  } finally {
    await document.destroy();
  }
}

/** A space between two runs unless the second continues the first on the same line without a gap. */
function separator(previous: TextItem | null, item: TextItem): string {
  if (!previous) return "";
  if (previous.hasEOL) return " ";
  const [, , , fontSize = 10, x = 0, y = 0] = item.transform as number[];
  const [, , , , previousX = 0, previousY = 0] = previous.transform as number[];
  const sameLine = Math.abs(y - previousY) < Math.abs(fontSize) / 2;
  const gap = x - (previousX + previous.width);
  return sameLine && gap < Math.abs(fontSize) * 0.15 ? "" : " ";
}
