import { InputError, type Diagnostic } from './diagnostic.js';

/** Diagnostics kept per read by default: enough to fix a file; the rest are counted. */
export const DEFAULT_MAX_DIAGNOSTICS = 200;

/**
 * Collects diagnostics up to a cap and counts the rest, so a ledger of a million bad rows costs
 * a counter, not a million objects (issue 11: a 50 MB ledger of duplicate rows once ran out of
 * memory joining its errors).
 */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  omitted = 0;

  constructor(readonly max = DEFAULT_MAX_DIAGNOSTICS) {}

  push(...list: Diagnostic[]): void {
    for (const d of list) {
      if (this.items.length < this.max) this.items.push(d);
      else this.omitted++;
    }
  }

  /** Takes over another error's diagnostics and its count of omitted ones. */
  absorb(err: InputError): void {
    this.push(...err.diagnostics);
    this.omitted += err.omitted;
  }

  get length(): number {
    return this.items.length + this.omitted;
  }

  toError(): InputError {
    return new InputError(this.items, this.omitted);
  }
}
