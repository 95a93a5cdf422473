import { join } from 'node:path';
import { assessEvidence } from '../assess/assess.js';
import { historyContext, ledgerFor, type AssessFileOptions } from '../assess/file.js';
import type { Evidence } from '../evidence/schema.js';
import { bundledCorpus } from '../rules/corpus.js';
import { lawOf } from '../rules/law.js';
import { listEvidenceFiles } from '../batch/files.js';
import { InputError, formatDiagnostic } from '../diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../evidence/load.js';
import type { Ledger } from '../ledger/ledger.js';
import { TIERS, type Tier } from '../model/tier.js';
import { DecisionError } from '../assess/resolve.js';

/** One calibration file: what the report published, what the engine says, and why. */
export interface CalibrationRow {
  file: string;
  iso3: string;
  year: number;
  published: Tier;
  /** The engine's tier; when the ledger's missing years leave it open (see `open`), the most severe possible tier. */
  engine: Tier;
  /** The possible tiers when the ledger's missing years leave the tier open; null when definite. */
  open: Tier[] | null;
  /** The rubric's own answer (policy guidance), before the Watch List and the statute: 1, 2 or 3. */
  rubric: '1' | '2' | '3';
  /** The rule(s) whose conclusion is the engine's tier. */
  decidedBy: string[];
  /** The engine's tier is definite and is the published one. An open tier never agrees. */
  agrees: boolean;
  /** The tier is open and the published tier is one of the possible ones (the engine does not contradict it). */
  openIncludesPublished: boolean;
  /** Findings of no information the rubric's answer rests on, and rules the unknowns leave open. */
  unknowns: number;
  openQuestions: number;
  sectionsRetrieved: string[];
  source: string;
}

export interface CalibrationReport {
  dir: string;
  rows: CalibrationRow[];
  /** Evidence files with no `calibration` block (not calibration files). */
  skipped: { file: string; reason: string }[];
  /** Files that could not be read or assessed, with the reason. */
  failures: { file: string; message: string }[];
  /** counts[published][engine], over the rows with a definite tier; open tiers are counted apart. */
  confusion: { tiers: readonly Tier[]; counts: Record<Tier, Record<Tier, number>>; open: Record<Tier, number> };
  /** Definite agreement over every row; `openIncludingPublished` counts the open rows that do not contradict the record. */
  agreement: { agree: number; total: number; ratio: number | null; openIncludingPublished: number };
}

export type CalibrateOptions = Pick<AssessFileOptions, 'historyPath' | 'waiversPath' | 'corpus' | 'clock'> & {
  /**
   * An ablation: assess with the encoder's findings on the four §108(a) standards replaced by
   * no_information, to show how much of the agreement rests on them. In the real narratives the
   * (a)(4) finding comes from the tier paragraph's own sentence ("is making significant efforts"),
   * so this says what the engine gets from everything else (criteria, figures, grounds, clock).
   */
  withholdStandards?: boolean;
};

/**
 * The ledger as it stood before the report being calibrated: the country's rows for that year and
 * later are dropped, so the engine never reads the published answer (its tier, a waiver row).
 */
export function ledgerBefore(ledger: Ledger, iso3: string, year: number): Ledger {
  const before = <T>(m: Map<number, T> | undefined) => new Map([...(m ?? new Map<number, T>())].filter(([y]) => y < year));
  const byCountry = new Map(ledger.byCountry);
  byCountry.set(iso3, before(ledger.byCountry.get(iso3)));
  const waiverEvents = new Map(ledger.waiverEvents);
  waiverEvents.set(iso3, before(ledger.waiverEvents.get(iso3)));
  return { ...ledger, byCountry, waiverEvents };
}

function emptyRow(): Record<Tier, number> {
  return Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
}

function emptyMatrix(): Record<Tier, Record<Tier, number>> {
  return Object.fromEntries(TIERS.map((t) => [t, emptyRow()])) as Record<Tier, Record<Tier, number>>;
}

function failureMessage(err: unknown, file: string): string {
  if (err instanceof InputError) return err.diagnostics.map((d) => formatDiagnostic({ ...d, file })).join('\n');
  if (err instanceof DecisionError) return `the rules give ${err.kind === 'empty' ? 'no answer' : 'two answers'}: ${err.message}`;
  throw err;
}

/**
 * `tip calibrate DIR`: assesses every evidence file of DIR that records a published tier (a
 * `calibration` block, and so no `determination`) as a desk officer would, with the ledger as it
 * stood before that report, and compares the engine's tier with the published one.
 */
export async function calibrate(dir: string, options: CalibrateOptions = {}): Promise<CalibrationReport> {
  const ledger = ledgerFor(options);
  const report: CalibrationReport = { dir, rows: [], skipped: [], failures: [], confusion: { tiers: TIERS, counts: emptyMatrix(), open: emptyRow() }, agreement: { agree: 0, total: 0, ratio: null, openIncludingPublished: 0 } };
  for (const name of listEvidenceFiles(dir)) {
    if (name.endsWith('.meta.yaml')) continue;
    try {
      const assessed = await assessBlind(join(dir, name), options, ledger);
      const c = assessed?.evidence.calibration;
      if (!assessed || !c) {
        report.skipped.push({ file: name, reason: 'no calibration block (no published tier recorded)' });
        continue;
      }
      const { assessment: a, evidence: e } = assessed;
      const possible = a.open?.tiers.includes(c.published_tier) === true;
      report.rows.push({
        file: name,
        iso3: e.country.iso3,
        year: e.report_year,
        published: c.published_tier,
        engine: a.tier,
        open: a.open ? a.open.tiers : null,
        rubric: a.rubric.fullyMeets ? '1' : a.rubric.significantEfforts ? '2' : '3',
        decidedBy: a.decidedBy.map((d) => d.rule),
        agrees: a.open === null && a.tier === c.published_tier,
        openIncludesPublished: possible,
        unknowns: a.rubric.unknowns.length,
        openQuestions: a.openQuestions.length,
        sectionsRetrieved: c.sections_retrieved,
        source: c.source.url,
      });
    } catch (err) {
      report.failures.push({ file: name, message: failureMessage(err, name) });
    }
  }
  for (const r of report.rows) {
    if (r.open === null) report.confusion.counts[r.published][r.engine]++;
    else report.confusion.open[r.published]++;
  }
  const agree = report.rows.filter((r) => r.agrees).length;
  const openIncludingPublished = report.rows.filter((r) => r.openIncludesPublished).length;
  report.agreement = { agree, total: report.rows.length, ratio: report.rows.length === 0 ? null : agree / report.rows.length, openIncludingPublished };
  return report;
}

/** The file's evidence, and its assessment with the ledger cut at its report year (null: not a calibration file). */
async function assessBlind(path: string, options: CalibrateOptions, ledger: Ledger | undefined) {
  const corpus = options.corpus ?? bundledCorpus();
  const { evidence } = loadEvidenceFile(path, corpus);
  if (!evidence.calibration) return null;
  const cut = ledger ? ledgerBefore(ledger, evidence.country.iso3, evidence.report_year) : undefined;
  const assessed = options.withholdStandards ? withoutStandards(evidence) : evidence;
  const context = historyContext(cut, assessed.country.iso3, assessed.report_year, lawOf(corpus), options.clock);
  const assessment = await assessEvidence(assessed, context, {}, corpus, path);
  return { assessment, evidence: assessed };
}

/** The evidence with every §108(a) finding replaced by no_information (the ablation of withholdStandards). */
function withoutStandards(evidence: Evidence): Evidence {
  const blank = (f: Evidence['standards']['a1']) => ({ ...f, finding: 'no_information' as const, rationale: 'withheld for the ablation' });
  const s = evidence.standards;
  return { ...evidence, standards: { a1: blank(s.a1), a2: blank(s.a2), a3: blank(s.a3), a4: blank(s.a4) } };
}
