import { inflateRawSync } from 'node:zlib';

/**
 * Reads a ZIP archive (a .docx) into its entries, for tests that open the files we write: the end of
 * central directory record, then each central directory entry and its local header (PKWARE
 * APPNOTE.TXT 4.3). Stored and deflated entries only, which is what Word files use.
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
  /** DOS time and date fields of the local header. */
  time: number;
  date: number;
}

export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes);
  let end = -1;
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  if (end < 0) throw new Error('not a ZIP archive');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : (() => { throw new Error(`compression method ${method}`); })();
    out.set(name, { name, data, time: buf.readUInt16LE(local + 10), date: buf.readUInt16LE(local + 12) });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/** The text of each w:p paragraph of word/document.xml with its style id, in order. */
export function docxParagraphs(documentXml: string): { style: string | null; text: string }[] {
  const out: { style: string | null; text: string }[] = [];
  for (const m of documentXml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)) {
    const body = m[1] ?? m[2] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null;
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => (t[0] === '<w:br/>' ? '\n' : t[1]!)).join('');
    out.push({ style, text: text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&') });
  }
  return out;
}
