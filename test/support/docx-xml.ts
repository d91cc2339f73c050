/**
 * Test support: a small reader of WordprocessingML as `docx` writes it (no nested tables), enough to
 * check a generated letter's paragraphs, runs and tables without a full XML parser.
 */
import JSZip from 'jszip';
import { expect } from 'vitest';

export interface XmlRun {
  text: string;
  bold: boolean;
  italics: boolean;
  size: number | null;
  font: string | null;
}

export interface XmlParagraph {
  xml: string;
  text: string;
  runs: XmlRun[];
  align: string | null;
}

export interface XmlTable {
  xml: string;
  rows: XmlParagraph[][][]; // rows → cells → paragraphs
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');
}

function all(xml: string, re: RegExp): string[] {
  return xml.match(re) ?? [];
}

export function attr(xml: string, tag: string, name: string): string | null {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m?.[1] ?? null;
}

export function readRun(xml: string): XmlRun {
  const size = attr(xml, 'w:sz', 'w:val');
  return {
    text: all(xml, /<w:t(?: [^>]*)?>[^<]*<\/w:t>/g)
      .map((t) => decode(t.replace(/<[^>]+>/g, '')))
      .join(''),
    bold: /<w:b\/>/.test(xml),
    italics: /<w:i\/>/.test(xml),
    size: size === null ? null : Number(size),
    font: attr(xml, 'w:rFonts', 'w:ascii'),
  };
}

export function readParagraph(xml: string): XmlParagraph {
  const runs = all(xml, /<w:r>[\s\S]*?<\/w:r>/g).map(readRun);
  return { xml, runs, text: runs.map((r) => r.text).join(''), align: attr(xml, 'w:jc', 'w:val') };
}

export function paragraphs(xml: string): XmlParagraph[] {
  return all(xml, /<w:p>[\s\S]*?<\/w:p>/g).map(readParagraph);
}

export function tables(xml: string): XmlTable[] {
  return all(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/g).map((tbl) => ({
    xml: tbl,
    rows: all(tbl, /<w:tr>[\s\S]*?<\/w:tr>/g).map((tr) =>
      all(tr, /<w:tc>[\s\S]*?<\/w:tc>/g).map((tc) => paragraphs(tc)),
    ),
  }));
}

/** The XML of the body's top-level elements in order, tables kept whole. */
export function bodyElements(xml: string): string[] {
  const body = /<w:body>([\s\S]*)<w:sectPr/.exec(xml)?.[1] ?? '';
  return all(body, /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>/g);
}

export function cellText(cell: XmlParagraph[] | undefined): string {
  return (cell ?? []).map((p) => p.text).join('\n');
}

export async function openDocx(bytes: Uint8Array): Promise<{ zip: JSZip; document: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { zip, document };
}

/** The words of a .docx's body: word/document.xml with its tags dropped (entities as written). */
export async function docxText(bytes: Uint8Array): Promise<string> {
  return (await openDocx(bytes)).document.replace(/<[^>]+>/g, '');
}

/** A document's text shows every one of `parts`; a failure lists all the missing ones at once. */
export function expectToContainAll(text: string, parts: readonly string[]): void {
  expect(parts.filter((part) => !text.includes(part))).toEqual([]);
}
