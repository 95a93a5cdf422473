/**
 * Escaping for the Markdown report, whose text comes from evidence files, the ledger or
 * diagnostics: a country name or an error message holding a `|` or `*` must show as text, not
 * break a table. (The HTML report is escaped by Handlebars, src/batch/html.ts.)
 */

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
