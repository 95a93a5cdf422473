/**
 * Placeholders: what a draft prints where a fact is unknown ("[RELEASE DATE]"), so the draft still
 * renders, the gap is visible on the page, and the command lists it. The view builders mint them
 * through one collector per render; after rendering, each document reports the placeholders its
 * text actually contains (a view field a template does not print is not a warning).
 */

export interface Placeholder {
  /** What the draft prints: "[RELEASE DATE]". */
  token: string;
  /** The settings field or evidence field to fill in: "release.date", "narrative.prosecution". */
  field: string;
  /** What to do about it. */
  message: string;
}

/** A placeholder as printed: square brackets around capitals. Template helpers pass these through unchanged. */
const TOKEN = /^\[[A-Z0-9][A-Z0-9 ,:;+\-'./()]*\]$/;

export function isPlaceholder(value: string): boolean {
  return TOKEN.test(value);
}

export class Placeholders {
  private readonly minted = new Map<string, Placeholder>();

  /** Mints (or reuses) the placeholder `[LABEL]` for a field, and returns the text to print. */
  token(label: string, field: string, message: string): string {
    const token = `[${label}]`;
    if (!TOKEN.test(token)) throw new Error(`not a placeholder label: ${label}`);
    if (!this.minted.has(token)) this.minted.set(token, { token, field, message });
    return token;
  }

  /** The placeholders `content` contains, in the order they were minted. */
  usedIn(content: string): Placeholder[] {
    return [...this.minted.values()].filter((p) => content.includes(p.token));
  }
}

/** The hint every settings placeholder carries. */
export function settingsHint(year: number, field: string): string {
  return `add ${field} for ${year} to a settings file (\`tip settings ${year} --out FILE\` writes one) and pass --settings FILE`;
}
