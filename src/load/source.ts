import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { tooLarge } from '../fsutil/read.js';

/** Default size cap: an evidence file is a few tens of kilobytes; 1 MiB leaves ample room. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

function fileDiagnostic(file: string, line: number, col: number, code: string, expected: string, found: string, hint?: string): Diagnostic {
  const d: Diagnostic = { file, line, col, path: [], code, expected, found };
  if (hint !== undefined) d.hint = hint;
  return d;
}

export { tooLarge };

/**
 * 1-based line and column (in UTF-16 units, as yaml's LineCounter counts) of a byte offset. A line
 * ends at LF, CRLF or a lone CR (a file saved with old Mac line ends), as the parser reads it.
 */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  // A lenient decode of the line so far: the bytes before `offset` on this line are valid UTF-8
  // (we stop at the first bad byte), and a leading BOM is dropped just as the real decode drops it.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, col: before.length + 1 };
}

/** The same for an offset in decoded text. */
function textPosition(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, col: offset - (lastBreak + 1) + 1 };
}

/** Offset of the first byte the strict decoder rejects, found by replaying the decode. */
function firstInvalidByte(bytes: Uint8Array): number {
  // Chunks first, so a 1 MiB file with a bad byte near its end does not cost a million calls.
  const CHUNK = 4096;
  const scout = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (; start < bytes.length; start += CHUNK) {
    try {
      scout.decode(bytes.subarray(start, start + CHUNK), { stream: true });
    } catch {
      break;
    }
  }
  // Replay the good chunks, then go byte by byte through the chunk that failed.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  decoder.decode(bytes.subarray(0, start), { stream: true });
  for (let i = start; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      // The decoder fails on the byte that cannot continue a sequence; when a multi-byte sequence
      // was left unfinished before it, that sequence's first byte is where the problem starts.
      return pendingLead(bytes, i) ?? i;
    }
  }
  // Valid so far: the input ends in the middle of a sequence.
  return pendingLead(bytes, bytes.length) ?? Math.max(0, bytes.length - 1);
}

/** Start of an unfinished multi-byte sequence just before `end`, if there is one. */
function pendingLead(bytes: Uint8Array, end: number): number | undefined {
  for (let j = end - 1; j >= 0 && j >= end - 3; j--) {
    const b = bytes[j] as number;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return end - j < need ? j : undefined;
  }
  return undefined;
}

/**
 * Bytes or text → text, refusing what is not a text file: over the size cap, NUL bytes (binary),
 * or invalid UTF-8. A byte order mark is allowed and dropped so columns on line 1 are not shifted.
 */
export function decodeSource(source: string | Uint8Array, file: string, maxBytes: number): DecodeResult {
  if (typeof source === 'string') {
    const size = Buffer.byteLength(source, 'utf8');
    if (size > maxBytes) return { ok: false, diagnostics: [tooLarge(file, size, maxBytes)] };
    const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      const { line, col } = textPosition(text, nul);
      return { ok: false, diagnostics: [binary(file, line, col)] };
    }
    return { ok: true, text };
  }
  if (source.length > maxBytes) return { ok: false, diagnostics: [tooLarge(file, source.length, maxBytes)] };
  const nul = source.indexOf(0);
  if (nul >= 0) {
    const { line, col } = bytePosition(source, nul);
    return { ok: false, diagnostics: [binary(file, line, col)] };
  }
  try {
    // The default `ignoreBOM: false` strips a leading BOM.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(source) };
  } catch {
    const at = firstInvalidByte(source);
    const { line, col } = bytePosition(source, at);
    const hex = (source[at] ?? 0).toString(16).padStart(2, '0');
    return {
      ok: false,
      diagnostics: [
        fileDiagnostic(file, line, col, 'not-utf8', 'UTF-8 text', `the byte 0x${hex}, which is not valid UTF-8`, 'save the file as UTF-8'),
      ],
    };
  }
}

function binary(file: string, line: number, col: number): Diagnostic {
  return fileDiagnostic(file, line, col, 'binary', 'a text file', 'a NUL byte (binary data)');
}
