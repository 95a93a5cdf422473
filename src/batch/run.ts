import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assessEvidence } from '../assess/assess.js';
import { checkOverrides, historyContext, type AssessFileOptions } from '../assess/file.js';
import { loadReportYears } from '../report-year/resolve.js';
import { DecisionError } from '../assess/resolve.js';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../evidence/load.js';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import type { ClockOptions } from '../history/clock.js';
import { countryHistory, type CountryHistory } from '../ledger/history.js';
import { readLedger, type Ledger } from '../ledger/ledger.js';
import { bundledCorpus } from '../rules/corpus.js';
import { BackgroundWriter } from './background-writer.js';
import { createDraftRenderer, type DraftRenderer } from './drafts.js';
import { renderFormats } from './formats.js';
import { listEvidenceFiles, peekReportYear } from './files.js';
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

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // loadEvidenceFile reports why, with the file's name
  }
}

/**
 * Assesses every evidence file of a report year in a folder (`*.yaml` directly inside it, sorted
 * by name). Files of other years are listed as skipped. A file that cannot be assessed is recorded
 * with its file:line:col diagnostics and the others still run. The rule corpus and the ledger are
 * read once for the whole batch. With `outDir`, writes the drafts into OUT/drafts/ and the report
 * as OUT/report.md, .json and .html, each atomically; the same inputs give the same bytes.
 * Throws InputError only for a problem of the whole batch: the folder, the ledger, or (when drafts
 * are written) the report-year settings.
 */
export async function runBatch(dir: string, options: RunBatchOptions): Promise<BatchResult> {
  const year = options.year;
  const timings = options.timings;
  let mark = performance.now();
  /** Adds the time since the last lap to a phase (no-op unless timings were asked for). */
  const lap = (phase: string) => {
    const now = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + (now - mark);
    mark = now;
  };
  const corpus = bundledCorpus();
  lap('corpus');
  const names = listEvidenceFiles(dir);

  // The ledger is read once: a bad ledger stops the batch (every clock would depend on it).
  let ledger: Ledger | null = null;
  if (options.historyPath !== undefined) {
    ledger = readLedger(options.historyPath, options.waiversPath !== undefined ? { waiversPath: options.waiversPath } : {});
  }
  lap('ledger');
  const assessOptions: AssessFileOptions = { ...(options.assess ?? {}), corpus };
  // The same what-if dates as `tip assess`: checked once, and used to validate every file.
  const effective = options.assess?.effective ?? {};
  checkOverrides(effective, corpus);
  // A --settings file's release date also dates the Tier 3 window and the action plan.
  const releaseDate = options.settingsPath !== undefined ? loadReportYears(options.settingsPath).value.years[String(year)]?.release?.date : undefined;
  const clockOptions: ClockOptions = options.assess?.clock ?? {};

  // Files whose text names another year are skipped without parsing them.
  const skipped: BatchSkipped[] = [];
  const candidates: string[] = [];
  for (const name of names) {
    const text = readText(join(dir, name));
    const declared = text === null ? null : peekReportYear(text);
    if (declared !== null && declared !== year) skipped.push({ file: name, reportYear: declared, reason: `report_year is ${declared}, not ${year}` });
    else candidates.push(name);
  }
  lap('list');

  const draftsDir = options.outDir !== undefined ? join(options.outDir, 'drafts') : undefined;
  const wantDrafts = draftsDir !== undefined && options.drafts !== false && candidates.length > 0;
  const renderDrafts = wantDrafts
    ? (options.renderDrafts ??
      createDraftRenderer({ year, corpus, format: options.draftFormat ?? 'text', strict: options.strict === true, ...(options.settingsPath !== undefined ? { settingsPath: options.settingsPath } : {}) }))
    : undefined;
  const writer = new BackgroundWriter();
  lap('drafts-setup');

  const entries: BatchEntry[] = [];
  const failures: BatchFailure[] = [];
  const histories = new Map<string, CountryHistory | null>();
  const seen = new Map<string, string>();
  const written: string[] = [];
  const draftFiles = new Map<string, string[]>();
  const draftPlaceholders = new Map<string, Placeholder[]>();
  let done = 0;
  for (const name of candidates) {
    const path = join(dir, name);
    try {
      const { evidence, located } = loadEvidenceFile(path, corpus, effective);
      lap('load');
      if (evidence.report_year !== year) {
        skipped.push({ file: name, reportYear: evidence.report_year, reason: `report_year is ${evidence.report_year}, not ${year}` });
        continue;
      }
      const iso3 = evidence.country.iso3;
      const first = seen.get(iso3);
      if (first !== undefined) {
        // Two files for one country would give two placements and overwrite each other's drafts.
        throw new InputError([
          { file: path, ...located.locate(['country', 'iso3']), path: ['country', 'iso3'], code: 'duplicate-country', expected: `one evidence file per country for the ${year} report`, found: `${iso3} again (first in ${first})` },
        ]);
      }
      const context = historyContext(ledger ?? undefined, iso3, year, clockOptions, releaseDate);
      const assessment = await assessEvidence(evidence, context, assessOptions, corpus, name);
      lap('assess');
      const entry: BatchEntry = { file: name, assessment, evidence };
      // Rendered before the country is counted: a country whose drafts fail is a failed file.
      const drafts = renderDrafts ? await renderDrafts(entry) : { files: [], placeholders: [] };
      lap('drafts-render');
      seen.set(iso3, name);
      entries.push(entry);
      histories.set(iso3, ledger ? countryHistory(ledger, iso3) : null);
      draftFiles.set(iso3, drafts.files.map((f) => f.fileName));
      draftPlaceholders.set(iso3, drafts.placeholders);
      if (draftsDir !== undefined) {
        for (const d of drafts.files) {
          await writer.write(join(draftsDir, d.fileName), d.content);
          written.push(`drafts/${d.fileName}`);
        }
      }
      lap('drafts-write');
    } catch (err) {
      if (err instanceof InputError) failures.push({ file: name, diagnostics: renamed(err.diagnostics, path, name) });
      else if (err instanceof DecisionError) failures.push({ file: name, diagnostics: [], message: `the rules give ${err.kind === 'empty' ? 'no answer' : 'two answers'}: ${err.message}` });
      else throw err;
    } finally {
      done++;
      options.onProgress?.(done, candidates.length);
      // Let the event loop run the completed disk operations of the background writes, so their
      // next steps (write, flush, rename) go on while the next country is assessed.
      await new Promise<void>((resolve) => setImmediate(resolve));
      lap('other');
    }
  }

  // One time axis for every picture, from the earliest ledger year of any country assessed.
  let from = year;
  for (const h of histories.values()) from = Math.min(from, firstYearOf(h, year));
  const timelines: Timeline[] = entries.map((e) => buildTimeline(histories.get(e.assessment.country.iso3) ?? null, e.assessment, from, clockOptions));
  lap('timelines');

  const report = buildReport({
    year,
    entries,
    failures,
    skipped,
    timelines,
    history: options.historyPath !== undefined ? basename(options.historyPath) : null,
    waivers: options.waiversPath !== undefined ? basename(options.waiversPath) : null,
    files: names.length,
    readings: {
      ruleF: clockOptions.ruleF ?? 'after-waiver-run',
      specialCaseBreaksRun: clockOptions.specialCaseBreaksRun ?? true,
    },
    drafts: draftFiles,
    placeholders: draftPlaceholders,
  });

  const files = options.outDir !== undefined ? await renderFormats(report, options.formats ?? REPORT_FORMATS) : [];
  lap('report-render');
  // The drafts' last flushes ran while the report was built. The report is written after them, so
  // a report on disk means every draft is in place; a failed draft write fails the batch.
  await writer.flush();
  lap('write-flush');
  if (options.outDir !== undefined) {
    for (const [fileName, content] of files) {
      writeFileAtomic(join(options.outDir, fileName), content);
      written.push(fileName);
    }
  }
  lap('report-write');
  return { year, entries, failures, skipped: report.skipped, report, written: written.sort(byText) };
}
