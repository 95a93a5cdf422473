import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { assessEvidence } from '../assess/assess.js';
import { checkOverrides, historyContext, type AssessFileOptions } from '../assess/file.js';
import type { Assessment } from '../assess/types.js';
import { buildTimeline, firstYearOf } from '../batch/timeline.js';
import { timelineSvg } from '../batch/svg.js';
import { ASSESS_OPTIONS, assessOptionsFrom } from '../cli/assess-options.js';
import type { ParsedArgs } from '../cli/args.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import type { Evidence } from '../evidence/schema.js';
import { countryHistory } from '../ledger/history.js';
import { readLedger, type Ledger } from '../ledger/ledger.js';
import type { Corpus } from '../rules/corpus.js';
import { lawOf } from '../rules/law.js';
import { tierName } from '../model/tier.js';
import { HttpError } from './http.js';
import type { Workspace } from './workspace.js';

/**
 * Assessment for the workbench: the CLI's options (server defaults from the command line, which a
 * request may override with the same names as query parameters), the ledger read once and read
 * again only when it changes on disk, and the Watch List timeline drawn by the batch report's own
 * SVG code.
 */

type Values = ParsedArgs['values'];

const BOOLEAN_OPTIONS = new Set(Object.entries(ASSESS_OPTIONS).filter(([, o]) => o.type === 'boolean').map(([k]) => k));
const PATH_OPTIONS = new Set(['history', 'waivers']);

function booleanParam(name: string, v: string): boolean {
  if (v === '' || v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new HttpError(400, `the option ${name} expects true or false, found "${v}"`);
}

export interface PanelAssessment {
  assessment: Omit<Assessment, 'trace'> & { trace?: Assessment['trace'] };
  /** The placements in the report's words ("Tier 2 Watch List"). */
  names: { tier: string; tierBeforeClock: string; previousTier: string | null };
  timelineSvg: string;
  ledger: { file: string; waivers: string | null } | null;
}

export class Assessor {
  private cache: { key: string; ledger: Ledger } | undefined;

  constructor(
    private readonly workspace: Workspace,
    private readonly corpus: Corpus,
    /** The command line's assessment options, paths already absolute. */
    private readonly defaults: Values,
  ) {}

  /** The options of one request: server defaults, overridden by query parameters of the same names. */
  optionsFor(query: URLSearchParams, ignore: readonly string[] = []): AssessFileOptions {
    const values: Values = { ...this.defaults };
    for (const name of new Set(query.keys())) {
      if (ignore.includes(name)) continue;
      if (!(name in ASSESS_OPTIONS)) {
        throw new HttpError(400, `unknown option "${name}"; the options are those of tip assess: ${Object.keys(ASSESS_OPTIONS).join(', ')}`);
      }
      const all = query.getAll(name);
      const last = all[all.length - 1]!;
      if (name === 'effective') values.effective = all;
      else if (BOOLEAN_OPTIONS.has(name)) values[name] = booleanParam(name, last);
      // A ledger named by a request must be a file of the workspace (never an arbitrary path).
      else if (PATH_OPTIONS.has(name)) values[name] = this.workspace.resolve(last, ['.csv']).abs;
      else values[name] = last;
    }
    try {
      const options = assessOptionsFrom({ values, positionals: [] }, this.workspace.root, resolve);
      checkOverrides(options.effective ?? {}, this.corpus);
      return options;
    } catch (err) {
      if (err instanceof UsageError) throw new HttpError(400, err.message);
      throw err;
    }
  }

  /** The ledger the options name, re-read only when its file (or the waivers file) changed. */
  ledgerFor(options: AssessFileOptions): Ledger | undefined {
    if (options.historyPath === undefined) return undefined;
    const stamp = (p: string | undefined) => (p === undefined ? '' : `${p}@${statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 'missing'}`);
    const key = `${stamp(options.historyPath)}|${stamp(options.waiversPath)}`;
    if (this.cache?.key !== key) {
      const ledger = readLedger(options.historyPath, options.waiversPath === undefined ? {} : { waiversPath: options.waiversPath });
      this.cache = { key, ledger };
    }
    return this.cache.ledger;
  }

  async assess(evidence: Evidence, options: AssessFileOptions): Promise<{ assessment: Assessment; ledger: Ledger | undefined }> {
    const ledger = this.ledgerFor(options);
    const context = historyContext(ledger, evidence.country.iso3, evidence.report_year, lawOf(this.corpus, options.effective ?? {}), options.clock);
    const assessment = await assessEvidence(evidence, context, options, this.corpus);
    return { assessment, ledger };
  }

  /** What the live panel shows: the assessment (the trace only on demand) and the clock's timeline. */
  async panel(evidence: Evidence, options: AssessFileOptions, withTrace: boolean): Promise<PanelAssessment> {
    const { assessment, ledger } = await this.assess(evidence, options);
    const history = ledger ? countryHistory(ledger, evidence.country.iso3) : null;
    const timeline = buildTimeline(history, assessment, firstYearOf(history, assessment.year), lawOf(this.corpus, options.effective ?? {}), options.clock);
    const { trace, ...rest } = assessment;
    return {
      assessment: withTrace ? { ...rest, trace } : rest,
      // A tier the ledger leaves open is never shown as definite.
      names: { tier: assessment.open ? `open: ${assessment.open.tiers.map(tierName).join(' or ')}` : tierName(assessment.tier), tierBeforeClock: tierName(assessment.tierBeforeClock), previousTier: assessment.previousTier ? tierName(assessment.previousTier) : null },
      timelineSvg: timelineSvg(timeline),
      ledger: ledger ? { file: this.shown(ledger.file), waivers: ledger.waiversFile ? this.shown(ledger.waiversFile) : null } : null,
    };
  }

  private shown(abs: string): string {
    const rel = this.workspace.relOf(abs);
    return rel.startsWith('..') ? abs : rel;
  }
}
