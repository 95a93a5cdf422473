import type { AssessFileOptions } from '../assess/file.js';
import type { Assessment } from '../assess/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Evidence } from '../evidence/schema.js';

/** The report files `tip batch` can write (report.md, report.json, report.html, report.docx). */
export const REPORT_FORMATS = ['md', 'json', 'html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface BatchOptions {
  /** The report year: only evidence files whose `report_year` is this year are assessed. */
  year: number;
  /** Tier ledger CSV (iso3,year,tier[,waiver]): drives the clock and the timelines. */
  historyPath?: string;
  /** Waivers CSV (iso3,year,event); needs historyPath. */
  waiversPath?: string;
  /** Where drafts and report files go; nothing is written when absent. */
  outDir?: string;
  /** Report files to write (default: all three). */
  formats?: readonly ReportFormat[];
  /** Report-year settings file for the drafts (release date, Secretary, delivery windows). */
  settingsPath?: string;
  /** Write the four drafts of every country into OUT/drafts/ (default true when outDir is set). */
  drafts?: boolean;
  /** The drafts' format: text (default), markdown or docx. */
  draftFormat?: import('../render/index.js').DraftFormat;
  /**
   * Draft each country's action plan too (tip what-if per country, as `tip render --doc all`:
   * about a hundred assessments' worth each), with the demarche's and the press guidance's
   * recommendations in its order. Default false: the four drafts.
   */
  actionPlans?: boolean;
  /** A placeholder in a country's drafts fails that country (as `tip render --strict`). */
  strict?: boolean;
  /** Clock readings and the other assessment options, as `tip assess` takes them. */
  assess?: Omit<AssessFileOptions, 'historyPath' | 'waiversPath' | 'corpus'>;
  /**
   * Filled with the milliseconds spent in each phase (for the benchmark: measure before
   * optimizing). Keys: corpus, ledger, list, drafts-setup, load, assess, drafts-render,
   * drafts-write (waiting for a free write slot), timelines, report-render, report-write,
   * write-flush (waiting for the last drafts), other (failed files, bookkeeping).
   */
  timings?: Record<string, number>;
  /** Called after each file of the year is done (assessed or failed). */
  onProgress?: (done: number, total: number) => void;
}

/** One country assessed. */
export interface BatchEntry {
  /** The evidence file's name inside the batch folder. */
  file: string;
  assessment: Assessment;
  evidence: Evidence;
}

/**
 * A file of the year that could not be assessed. `diagnostics` name the file by its name inside
 * the batch folder, so the report reads the same wherever the folder is.
 */
export interface BatchFailure {
  file: string;
  diagnostics: Diagnostic[];
  /** Set when the problem is not a located input error (the rules gave no or two answers). */
  message?: string;
}

/** A YAML file of the folder that belongs to another report year. */
export interface BatchSkipped {
  file: string;
  reportYear: number | null;
  reason: string;
}

export interface BatchResult {
  year: number;
  entries: BatchEntry[];
  failures: BatchFailure[];
  skipped: BatchSkipped[];
  /** The report model every format is rendered from. */
  report: import('./report-model.js').BatchReport;
  /** Files written, relative to outDir, sorted (empty when no outDir). */
  written: string[];
}
