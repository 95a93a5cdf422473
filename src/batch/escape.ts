/**
 * Escaping for text that comes from evidence files, the ledger or diagnostics. Nothing read from
 * input reaches the report unescaped: a country name or an error message holding `<script>` or a
 * `|` must show as text, not change the page or break a table.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML text and attribute values (double- or single-quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * For one Markdown table cell or inline text: backslash-escapes the characters Markdown gives a
 * meaning (emphasis, code, links, inline HTML, table pipes) and folds line breaks into spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** An id safe for HTML attributes and SVG references, from an ISO code and a suffix. */
export function safeId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)).join('-');
}
