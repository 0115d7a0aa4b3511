// PDFs made for tests and the benchmark with pdf-lib: laid-out paragraphs with a running header and
// page numbers, image-only pages, and hand-written bytes for what pdf-lib will not write.
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface LayoutOptions {
  header?: string;
  pageSize?: [number, number];
  fontSize?: number;
  /** Break words longer than this at a line end with a hyphen, so readers must join them. */
  hyphenateOver?: number;
  title?: string;
}

/**
 * Lays out paragraphs on as many pages as they need: 11 pt Helvetica, a blank line between paragraphs,
 * `header` at the top of each page and its number at the bottom.
 */
export async function paragraphsPdf(paragraphs: string[], o: LayoutOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (o.title) doc.setTitle(o.title);
  doc.setAuthor('Test Desk');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const [W, H] = o.pageSize ?? [420, 595];
  const size = o.fontSize ?? 11;
  const lead = size * 1.3;
  const margin = 50;
  const width = W - 2 * margin;
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: (string | null)[] = [];
  for (const p of paragraphs) {
    let line = '';
    for (const word of p.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (fits(next)) {
        line = next;
        continue;
      }
      // Hyphenate a long word between two lower-case letters when its first half still fits.
      const cut = Math.floor(word.length / 2);
      if (o.hyphenateOver && word.length > o.hyphenateOver && /^\p{Ll}{2}$/u.test(word.slice(cut - 1, cut + 1)) && fits(`${line} ${word.slice(0, cut)}-`)) {
        lines.push(`${line} ${word.slice(0, cut)}-`);
        line = word.slice(cut);
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line, null);
  }
  let page = undefined as ReturnType<typeof doc.addPage> | undefined;
  let y = 0;
  let n = 0;
  const newPage = () => {
    page = doc.addPage([W, H]);
    n++;
    if (o.header) page.drawText(o.header, { x: margin, y: H - 30, size: 9, font });
    page.drawText(String(n), { x: W / 2, y: 25, size: 9, font });
    y = H - margin - 20;
  };
  newPage();
  for (const l of lines) {
    if (y < margin + 10) newPage();
    if (l !== null) page!.drawText(l, { x: margin, y, size, font });
    y -= lead;
  }
  return doc.save();
}

/** A PDF of `pages` pages, each with one short numbered paragraph (a "PDF bomb" when large). */
export async function manyPagesPdf(pages: number, text = (i: number) => `This is page number ${i} of a very long filing, and it says one thing.`): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([300, 300]);
    page.drawText(text(i), { x: 20, y: 250, size: 6, font });
  }
  return doc.save();
}

/** A PDF whose only page is a drawn picture (a rectangle), as a scan without OCR: no text layer. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 300]);
  page.drawRectangle({ x: 20, y: 20, width: 200, height: 150, borderWidth: 3 });
  return doc.save();
}

/**
 * A PDF written by hand (objects, xref with real offsets), for shapes pdf-lib will not produce:
 * `fontExtra` goes into the Type1 font dictionary (e.g. a `/FontMatrix` carrying code, the
 * CVE-2024-4367 shape), `text` is drawn with that font.
 */
export function handWrittenPdf(text: string, fontExtra = '', trailerExtra = ''): Uint8Array {
  const content = `BT /F1 12 Tf 50 700 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica ${fontExtra} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Trailer entries that make a file encrypted with a user password (the standard security handler, RC4): no empty password opens it. */
export const PASSWORD_TRAILER =
  '/Encrypt << /Filter /Standard /V 1 /R 2 /O <' + '7a'.repeat(32) + '> /U <' + '3c'.repeat(32) + '> /P -44 >> /ID [<' + '01'.repeat(16) + '> <' + '01'.repeat(16) + '>]';

export interface LinesOptions {
  /** Drawn at the top of each page, 9 pt. */
  header?: string;
  /** Drawn at the bottom of each page, 9 pt: "Page n of N" unless given. */
  footer?: (page: number, pages: number) => string;
  pageSize?: [number, number];
  fontSize?: number;
  /** Baseline step between lines, in points (default 1.3 × the font size). */
  lead?: number;
  /** Extra space drawn for an empty line, in points (default: a whole `lead`, a blank line). */
  gap?: number;
}

/**
 * Pages laid out line by line exactly as given (for paragraph rebuilding on short pages): each page a
 * list of lines, '' for a paragraph gap (a blank line, or `gap` points), with a running header and a
 * "Page n of N" footer.
 */
export async function linesPdf(pages: string[][], o: LinesOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const [W, H] = o.pageSize ?? [420, 595];
  const size = o.fontSize ?? 11;
  const lead = o.lead ?? size * 1.3;
  const footer = o.footer ?? ((n: number, of: number) => `Page ${n} of ${of}`);
  pages.forEach((lines, i) => {
    const page = doc.addPage([W, H]);
    if (o.header) page.drawText(o.header, { x: 50, y: H - 30, size: 9, font });
    page.drawText(footer(i + 1, pages.length), { x: W / 2 - 30, y: 25, size: 9, font });
    let y = H - 80;
    for (const l of lines) {
      if (l) {
        page.drawText(l, { x: 50, y, size, font });
        y -= lead;
      } else y -= o.gap ?? lead;
    }
  });
  return doc.save();
}
