/**
 * Fixes the modification time of every entry of a ZIP archive, so a .docx built twice from the same
 * draft is byte-identical (the archive writer stamps each entry with the clock's local time). The
 * DOS time and date fields sit at fixed offsets of each local file header (signature 0x04034b50,
 * time at +10, date at +12) and each central directory header (0x02014b50, +12 and +14); no
 * checksum covers them (the CRC-32 is of the entry's data), so they are rewritten in place.
 * PKWARE APPNOTE.TXT 6.3.10, sections 4.3.7 and 4.3.12.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** 1980-01-01 00:00:00, the first date a DOS timestamp can hold. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  // The end of central directory record gives where the central directory starts and how many entries it has.
  let end = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory record');
  const entries = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new Error(`bad ZIP central directory entry at ${p}`);
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`bad ZIP local header at ${local}`);
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}
