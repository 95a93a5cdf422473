import { basename, join } from 'node:path';
import { assessEvidence } from '../assess/assess.js';
import { checkOverrides, historyContext, type AssessFileOptions } from '../assess/file.js';
import { loadReportYears } from '../report-year/resolve.js';
import { DecisionError } from '../assess/resolve.js';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../evidence/load.js';
import type { ClockOptions } from '../history/clock.js';
import { countryHistory, type CountryHistory } from '../ledger/history.js';
import { readLedger, type Ledger } from '../ledger/ledger.js';
import { bundledCorpus, type Corpus } from '../rules/corpus.js';
import { lawOf, type Law } from '../rules/law.js';
import { tierName } from '../model/tier.js';
import { BackgroundWriter } from './background-writer.js';
import { createDraftRenderer, type DraftRenderer } from './drafts.js';
import { whatIf } from '../whatif/index.js';
import { renderFormats } from './formats.js';
import { listEvidenceFiles, peekFileYear } from './files.js';
import { finishOutput, invalidateManifest } from './manifest.js';
import { buildReport, byText } from './report-model.js';
import { buildTimeline, firstYearOf, type Timeline } from './timeline.js';
import type { Placeholder } from '../render/placeholders.js';
import { REPORT_FORMATS, type BatchEntry, type BatchFailure, type BatchOptions, type BatchResult, type BatchSkipped } from './types.js';

export interface RunBatchOptions extends BatchOptions {
  /** Replaces the drafts renderer (src/render by default). */
  renderDrafts?: DraftRenderer;
}

/** A diagnostic's file, renamed from the path read to the name inside the batch folder. */
function renamed(diagnostics: readonly Diagnostic[], path: string, name: string): Diagnostic[] {
  return diagnostics.map((d) => (d.file === path ? { ...d, file: name } : d));
}

/** Adds the time since the last lap to a phase (no-op unless timings were asked for). */
function stopwatch(timings: Record<string, number> | undefined): (phase: string) => void {
  let mark = performance.now();
  return (phase) => {
    const now = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + (now - mark);
    mark = now;
  };
}

/** Files whose text names another year are skipped without parsing them. */
function partition(dir: string, names: readonly string[], year: number): { skipped: BatchSkipped[]; candidates: string[] } {
  const skipped: BatchSkipped[] = [];
  const candidates: string[] = [];
  for (const name of names) {
    const declared = peekFileYear(join(dir, name));
    if (declared !== null && declared !== year) skipped.push({ file: name, reportYear: declared, reason: `report_year is ${declared}, not ${year}` });
    else candidates.push(name);
  }
  return { skipped, candidates };
}

/** What the batch gathers, country by country. */
interface Gathered {
  entries: BatchEntry[];
  failures: BatchFailure[];
  skipped: BatchSkipped[];
  histories: Map<string, CountryHistory | null>;
  /** ISO3 -> the file that first gave it. */
  seen: Map<string, string>;
  written: string[];
  draftFiles: Map<string, string[]>;
  draftPlaceholders: Map<string, Placeholder[]>;
}

/** What every country of the batch shares: read once. */
interface Shared {
  dir: string;
  year: number;
  corpus: Corpus;
  ledger: Ledger | null;
  assessOptions: AssessFileOptions;
  effective: Record<string, { from?: number; to?: number }>;
  clockOptions: ClockOptions;
  /** The corpus and the run's --effective overrides, which the clock and the report's statutory sections read. */
  law: Law;
  releaseDate: string | undefined;
  renderDrafts: DraftRenderer | undefined;
  draftsDir: string | undefined;
  writer: BackgroundWriter;
  lap: (phase: string) => void;
}

/** Assesses one file, renders and queues its drafts; a file that cannot be assessed is recorded as a failure. */
async function assessOne(name: string, s: Shared, g: Gathered): Promise<void> {
  const path = join(s.dir, name);
  try {
    const { evidence, located } = loadEvidenceFile(path, s.corpus, s.effective);
    s.lap('load');
    if (evidence.report_year !== s.year) {
      g.skipped.push({ file: name, reportYear: evidence.report_year, reason: `report_year is ${evidence.report_year}, not ${s.year}` });
      return;
    }
    const iso3 = evidence.country.iso3;
    const first = g.seen.get(iso3);
    if (first !== undefined) {
      // Two files for one country would give two placements and overwrite each other's drafts.
      throw new InputError([
        { file: path, ...located.locate(['country', 'iso3']), path: ['country', 'iso3'], code: 'duplicate-country', expected: `one evidence file per country for the ${s.year} report`, found: `${iso3} again (first in ${first})` },
      ]);
    }
    const context = historyContext(s.ledger ?? undefined, iso3, s.year, s.law, s.clockOptions, s.releaseDate);
    const assessment = await assessEvidence(evidence, context, s.assessOptions, s.corpus, name);
    s.lap('assess');
    if (assessment.open) {
      // A tier the ledger leaves open is listed as open, never placed, counted or drafted as definite.
      const o = assessment.open;
      g.failures.push({ file: name, diagnostics: [], message: `the tier is open: ${o.tiers.map(tierName).join(' or ')}, depending on the ledger's missing year${o.decidingYears.length === 1 ? '' : 's'} ${o.decidingYears.join(', ')} (no drafts written; complete the ledger)` });
      return;
    }
    const entry: BatchEntry = { file: name, assessment, evidence };
    // Rendered before the country is counted: a country whose drafts fail is a failed file.
    const drafts = s.renderDrafts ? await s.renderDrafts(entry) : { files: [], placeholders: [] };
    s.lap('drafts-render');
    g.seen.set(iso3, name);
    g.entries.push(entry);
    g.histories.set(iso3, s.ledger ? countryHistory(s.ledger, iso3) : null);
    g.draftFiles.set(iso3, drafts.files.map((f) => f.fileName));
    g.draftPlaceholders.set(iso3, drafts.placeholders);
    if (s.draftsDir !== undefined) {
      for (const d of drafts.files) {
        await s.writer.write(join(s.draftsDir, d.fileName), d.content);
        g.written.push(`drafts/${d.fileName}`);
      }
    }
    s.lap('drafts-write');
  } catch (err) {
    if (err instanceof InputError) g.failures.push({ file: name, diagnostics: renamed(err.diagnostics, path, name) });
    else if (err instanceof DecisionError) g.failures.push({ file: name, diagnostics: [], message: `the rules give ${err.kind === 'empty' ? 'no answer' : 'two answers'}: ${err.message}` });
    else throw err;
  }
}

/** Everything read once for the batch: the corpus, the ledger (a bad one stops the batch), the options checked. */
function shared(dir: string, options: RunBatchOptions, lap: (phase: string) => void, candidates: number): Shared {
  const year = options.year;
  const corpus = bundledCorpus();
  lap('corpus');
  const ledger = options.historyPath !== undefined ? readLedger(options.historyPath, options.waiversPath !== undefined ? { waiversPath: options.waiversPath } : {}) : null;
  lap('ledger');
  // The same what-if dates as `tip assess`: checked once, and used to validate every file.
  const effective = options.assess?.effective ?? {};
  checkOverrides(effective, corpus);
  const draftsDir = options.outDir !== undefined ? join(options.outDir, 'drafts') : undefined;
  const wantDrafts = draftsDir !== undefined && options.drafts !== false && candidates > 0;
  const settingsPath = options.settingsPath !== undefined ? { settingsPath: options.settingsPath } : {};
  // The what-if tip render runs for its action plan, with the batch's ledger and readings.
  const whatIfOptions = { ...(options.assess ?? {}), corpus };
  const actionPlans = options.actionPlans === true ? { whatIf: (e: BatchEntry) => whatIf({ evidence: e.evidence, ledger: ledger ?? undefined, options: whatIfOptions, corpus, file: e.file }) } : {};
  return {
    dir,
    year,
    corpus,
    ledger,
    assessOptions: { ...(options.assess ?? {}), corpus },
    effective,
    law: lawOf(corpus, effective),
    clockOptions: options.assess?.clock ?? {},
    // A --settings file's release date also dates the Tier 3 window and the action plan.
    releaseDate: options.settingsPath !== undefined ? (loadReportYears(options.settingsPath).value.years[String(year)]?.release?.date ?? undefined) : undefined,
    renderDrafts: wantDrafts ? (options.renderDrafts ?? createDraftRenderer({ year, corpus, format: options.draftFormat ?? 'text', strict: options.strict === true, ...settingsPath, ...actionPlans })) : undefined,
    draftsDir,
    writer: new BackgroundWriter(),
    lap,
  };
}

/**
 * Assesses every evidence file of a report year in a folder (`*.yaml` directly inside it, sorted
 * by name). Files of other years are listed as skipped. A file that cannot be assessed is recorded
 * with its file:line:col diagnostics and the others still run. The rule corpus and the ledger are
 * read once for the whole batch. With `outDir`, writes the drafts into OUT/drafts/ and the report
 * as OUT/report.md, .json, .html and .docx, each atomically; the same inputs give the same bytes.
 * Throws InputError only for a problem of the whole batch: the folder, the ledger, or the
 * report-year settings file.
 */
export async function runBatch(dir: string, options: RunBatchOptions): Promise<BatchResult> {
  const lap = stopwatch(options.timings);
  const names = listEvidenceFiles(dir);
  const { skipped, candidates } = partition(dir, names, options.year);
  lap('list');
  const s = shared(dir, options, lap, candidates.length);
  if (options.outDir !== undefined) invalidateManifest(options.outDir); // a killed run is then never taken for a finished one
  lap('drafts-setup');
  const g: Gathered = { entries: [], failures: [], skipped, histories: new Map(), seen: new Map(), written: [], draftFiles: new Map(), draftPlaceholders: new Map() };
  let done = 0;
  for (const name of candidates) {
    await assessOne(name, s, g);
    options.onProgress?.(++done, candidates.length);
    // Let the event loop run the completed disk operations of the background writes, so their
    // next steps (write, flush, rename) go on while the next country is assessed.
    await new Promise<void>((resolve) => setImmediate(resolve));
    lap('other');
  }
  return finish(names.length, options, s, g);
}

/** Timelines, the report model, the report files (after the last draft is on disk). */
async function finish(files: number, options: RunBatchOptions, s: Shared, g: Gathered): Promise<BatchResult> {
  // One time axis for every picture, from the earliest ledger year of any country assessed.
  let from = s.year;
  for (const h of g.histories.values()) from = Math.min(from, firstYearOf(h, s.year));
  const timelines: Timeline[] = g.entries.map((e) => buildTimeline(g.histories.get(e.assessment.country.iso3) ?? null, e.assessment, from, s.law, s.clockOptions));
  s.lap('timelines');
  const report = buildReport({
    year: s.year,
    law: s.law,
    entries: g.entries,
    failures: g.failures,
    skipped: g.skipped,
    timelines,
    history: options.historyPath !== undefined ? basename(options.historyPath) : null,
    waivers: options.waiversPath !== undefined ? basename(options.waiversPath) : null,
    files,
    readings: { ruleF: s.clockOptions.ruleF ?? 'after-waiver-run', specialCaseBreaksRun: s.clockOptions.specialCaseBreaksRun ?? true },
    drafts: g.draftFiles,
    placeholders: g.draftPlaceholders,
  });
  const rendered = options.outDir !== undefined ? await renderFormats(report, options.formats ?? REPORT_FORMATS) : [];
  s.lap('report-render');
  // The drafts' last flushes ran while the report was built. The report is written after them, so
  // a report on disk means every draft is in place; a failed draft write fails the batch.
  await s.writer.flush();
  s.lap('write-flush');
  // The report files, then OUT/manifest.json (every file written, with its SHA-256), last.
  if (options.outDir !== undefined) g.written.push(...(await finishOutput(options.outDir, s.year, s.writer, rendered)));
  s.lap('report-write');
  return { year: s.year, entries: g.entries, failures: g.failures, skipped: report.skipped, report, written: g.written.sort(byText) };
}
