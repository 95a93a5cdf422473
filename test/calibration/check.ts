import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { calibrate, type CalibrateOptions, type CalibrationReport, type CalibrationRow } from '../../src/calibrate/calibrate.js';
import { TIERS, type Tier } from '../../src/model/tier.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

export const DATA = join(PACKAGE_ROOT, '..', 'shared', 'data');

/** The calibration files of a folder (evidence files directly in it). */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.meta.yaml'));
}

export interface CalibrationCheck {
  report: CalibrationReport;
  threshold: number;
  /** Misses whose file name the folder's README.md does not mention. */
  unexplained: string[];
}

/** Runs the calibration of a folder and reads its threshold.json and README.md. */
export async function checkCalibration(dir: string, history: string, waivers?: string, options: Pick<CalibrateOptions, 'corpus'> = {}): Promise<CalibrationCheck> {
  const report = await calibrate(dir, { historyPath: history, ...(waivers ? { waiversPath: waivers } : {}), ...options });
  const threshold = (JSON.parse(readFileSync(join(dir, 'threshold.json'), 'utf8')) as { agreement: number }).agreement;
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const unexplained = report.rows.filter((r) => !r.agrees && !readme.includes(r.file)).map((r) => r.file);
  return { report, threshold, unexplained };
}

/** The pre-registered split of the corpus (split.json): names are ISO3-YEAR, without `.yaml`. */
export interface Split {
  dev: string[];
  heldOut: string[];
  excluded: Record<string, string>;
  notEncoded: string[];
}

export function readSplit(dir: string): Split {
  return JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as Split;
}

const stem = (file: string) => file.replace(/\.yaml$/, '');

/** The tiers a table shows: the four tiers, and Special Case only when a row has it. */
function tiersOf(rows: CalibrationRow[]): Tier[] {
  const special = rows.some((r) => r.published === 'special' || r.engine === 'special');
  return TIERS.filter((t) => t !== 'special' || special);
}

/** "n of m (p%)" for a set of rows. */
export function agreementText(rows: CalibrationRow[]): string {
  const agree = rows.filter((r) => r.agrees).length;
  const open = rows.filter((r) => r.openIncludesPublished).length;
  if (rows.length === 0) return 'no file';
  return `${agree} of ${rows.length} (${((agree / rows.length) * 100).toFixed(1)}%)` + (open > 0 ? `, and ${open} open with the published tier among the possible ones` : '');
}

/** A confusion matrix as a Markdown table (rows: published tier; columns: engine tier). */
export function matrixMarkdown(rows: CalibrationRow[]): string {
  const tiers = tiersOf(rows);
  const out = [`| published \\ engine | ${tiers.join(' | ')} | open |`, `|---|${tiers.map(() => '---:').join('|')}|---:|`];
  for (const p of tiers) {
    const definite = tiers.map((e) => String(rows.filter((r) => r.open === null && r.published === p && r.engine === e).length));
    out.push(`| **${p}** | ${definite.join(' | ')} | ${rows.filter((r) => r.open !== null && r.published === p).length} |`);
  }
  return out.join('\n');
}

/**
 * The figures section of README.md: for each rubric, the confusion matrix and agreement on the
 * whole corpus, on DEV and on HELD-OUT. The corpus test requires README.md to contain it verbatim,
 * so the figures there are always the engine's.
 */
export function figuresMarkdown(reports: { label: string; report: CalibrationReport }[], split: Split): string {
  const parts: string[] = [];
  const subsets: [string, (r: CalibrationRow) => boolean][] = [
    ['all', () => true],
    ['DEV', (r) => split.dev.includes(stem(r.file))],
    ['HELD-OUT', (r) => split.heldOut.includes(stem(r.file))],
  ];
  for (const { label, report } of reports) {
    for (const [name, keep] of subsets) {
      const rows = report.rows.filter(keep);
      parts.push(`**${label}, ${name}**: agreement ${agreementText(rows)}\n\n${matrixMarkdown(rows)}`);
    }
  }
  return parts.join('\n\n');
}

interface MetaFile {
  iso3: string;
  report_year: number;
  published_tier: string;
  sources: { url: string; sections: string[] }[];
  sections_missing: string[];
  model_gaps?: string[];
}

export function readMeta(dir: string, file: string): MetaFile {
  return parse(readFileSync(join(dir, 'meta', file), 'utf8')) as MetaFile;
}

const SECTIONS = ['profile', 'tier_paragraph', 'recommendations', 'prosecution', 'protection', 'prevention'];

/** The corpus table of README.md: one line per file, from the evidence file and its meta file. */
export function corpusMarkdown(dir: string, split: Split): string {
  const out = ['| file | country | year | published | sources (domains) | sections read | set |', '|---|---|---|---|---|---|---|'];
  for (const file of corpusFiles(dir).sort()) {
    const evidence = parse(readFileSync(join(dir, file), 'utf8')) as { country: { name: string }; report_year: number; calibration: { published_tier: string } };
    const meta = readMeta(dir, file);
    const domains = [...new Set(meta.sources.map((s) => new URL(s.url).hostname.replace(/^www\./, '')))].join(', ');
    const read = SECTIONS.filter((s) => meta.sources.some((src) => src.sections.includes(s)));
    const set = split.dev.includes(stem(file)) ? 'DEV' : split.heldOut.includes(stem(file)) ? 'HELD-OUT' : '?';
    out.push(`| ${file} | ${evidence.country.name} | ${evidence.report_year} | ${evidence.calibration.published_tier} | ${domains} | ${read.join(', ')} | ${set} |`);
  }
  return out.join('\n');
}

/** The per-file results of README.md: published tier, the engine's tier before and after, and the deciding rules after. */
export function resultsMarkdown(before: CalibrationReport, after: CalibrationReport): string {
  const out = ['| file | published | before | after | after: decided by |', '|---|---|---|---|---|'];
  for (const a of after.rows) {
    const b = before.rows.find((r) => r.file === a.file);
    const mark = (r: CalibrationRow | undefined) =>
      r === undefined ? '?' : r.open ? `${r.open.join(' or ')} (open${r.openIncludesPublished ? ', includes the published tier' : ', miss'})` : r.agrees ? r.engine : `**${r.engine}** (miss)`;
    out.push(`| ${a.file} | ${a.published} | ${mark(b)} | ${mark(a)} | ${a.decidedBy.join(', ')} |`);
  }
  return out.join('\n');
}

/** The ablation line of README.md: agreement with the four §108(a) findings withheld, by published tier. */
export function ablationMarkdown(report: CalibrationReport): string {
  const byTier = TIERS.filter((t) => report.rows.some((r) => r.published === t))
    .map((t) => {
      const rows = report.rows.filter((r) => r.published === t);
      return `${t}: ${rows.filter((r) => r.agrees).length} of ${rows.length}`;
    })
    .join('; ');
  return `**Ablation, the four §108(a) findings withheld (\`--withhold-standards\`)**: agreement ${agreementText(report.rows)}; by published tier, ${byTier}.`;
}
