import { join, resolve } from 'node:path';
import { UsageError, formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { parseFormats } from '../../batch/formats.js';
import { runBatch } from '../../batch/run.js';
import { REPORT_FORMATS, type BatchResult, type ReportFormat } from '../../batch/types.js';
import { tierName } from '../../model/tier.js';
import { DRAFT_FORMATS, type DraftFormat } from '../../render/index.js';
import { parseCommandArgs, parseYearOption, flag, requireOne, stringOption, type ParsedArgs } from '../args.js';
import { ASSESS_OPTIONS, ASSESS_OPTIONS_HELP, assessOptionsFrom } from '../assess-options.js';
import type { Io } from '../io.js';
import { batchJson, printJson } from '../json-output.js';

export const help = `Usage: tip batch DIR --year Y [--history CSV] [--waivers CSV] [--out DIR] [--format md,json,html,docx]
                 [--draft-format text|markdown|docx] [--settings FILE] [--strict] [--no-drafts]
                 [--action-plans] [clock readings]

Assesses every evidence file of report year Y in DIR (the *.yaml files directly inside it; files of
other years are listed as skipped) and writes, into OUT (default tip-batch-Y):
  drafts/       the narrative, demarche, press guidance and non-paper of every country (and
                its action plan, with --action-plans)
  manifest.json every file written with its SHA-256, written last (see the README: what a
                killed run leaves)
  report.md     tier counts, each country's tier and change from last year (automatic downgrades
  report.json   and waivers marked), the Special Watch List and its interim assessment date, the
  report.html   Tier 3 list with the determination window and fiscal year, the waiver decisions,
  report.docx   the blanks left in the drafts and the files that failed; the HTML page is
                self-contained, with a table of contents, links to each country's drafts, a tier
                filter, sortable columns and each country's tier timeline
A file that cannot be assessed is reported as FILE:LINE:COL: field: expected ..., found ... and
the others still run. Progress goes to standard error when it is a terminal.

Options:
  --year Y                      the report year (required)
  --out DIR                     output folder (default tip-batch-Y)
  --format LIST                 report files to write, comma-separated: md, json, html, docx (default all)
  --draft-format FORMAT         the drafts' format: text (default), markdown or docx
  --settings FILE               report-year settings for the drafts (release date, Secretary, delivery
                                windows), merged over data/report-years.yaml as in tip render
  --strict                      a placeholder in a country's drafts fails that country
  --no-drafts                   write the report only
  --action-plans                also draft each country's action plan, as tip render --doc all does
                                (tip what-if per country; the demarche and press guidance then order
                                their recommendations by it): slower, about 0.1 s a country
  --json                        {"ok","exitCode","year","totals","counts","failures":[{"file","diagnostics"}],
                                "skipped","outDir","written"} on standard output instead of the summary
${ASSESS_OPTIONS_HELP}

Exit 0 when every file of the year was assessed; 1 when one failed, when the folder holds no file
of the year, or when the ledger or the settings are bad; 2 on a usage error.
`;

/** --format (report files) and --draft-format (drafts), checked. */
function formatsFrom(args: ParsedArgs): { formats: ReportFormat[]; draftFormat: DraftFormat } {
  const formatText = stringOption(args, 'format');
  let formats = [...REPORT_FORMATS];
  if (formatText !== undefined) {
    const parsed = parseFormats(formatText);
    if (!parsed.ok) throw new UsageError(`--format expects a comma-separated list of ${REPORT_FORMATS.join(', ')} without repeats, found "${parsed.bad}"`);
    formats = parsed.formats;
  }
  const draftFormat = stringOption(args, 'draft-format') ?? 'text';
  if (!(DRAFT_FORMATS as readonly string[]).includes(draftFormat)) throw new UsageError(`--draft-format expects ${DRAFT_FORMATS.join(', ')}, found "${draftFormat}"`);
  return { formats, draftFormat: draftFormat as DraftFormat };
}

/** The failures (as FILE:LINE:COL lines), one summary line, and the drafts' blanks as warnings. */
function summarize(result: BatchResult, io: Io, dirShown: string, outShown: string): void {
  // Each failure with the file named as the user would type it (DIR/FILE).
  for (const f of result.failures) {
    if (f.message !== undefined) io.stderr(`${join(dirShown, f.file)}: ${f.message}\n`);
    for (const d of f.diagnostics) io.stderr(formatDiagnostic({ ...d, file: d.file === f.file ? join(dirShown, f.file) : d.file }) + '\n');
  }
  const r = result.report;
  const counts = r.counts.filter((c) => c.count > 0).map((c) => `${tierName(c.tier)} ${c.count}`);
  const files = result.written.filter((f) => !f.startsWith('drafts/'));
  const drafts = result.written.length - files.length;
  io.stdout(
    `tip batch ${r.year}: ${r.totals.assessed} assessed${counts.length ? ` (${counts.join(', ')})` : ''}, ${r.totals.failed} failed, ${r.totals.skipped} skipped; ` +
      `${files.map((f) => join(outShown, f)).join(', ')}${drafts ? ` and ${drafts} drafts in ${join(outShown, 'drafts')}` : ''}\n`,
  );
  for (const p of r.draftPlaceholders) io.stderr(`warning: ${p.token} in the drafts of ${p.countries} ${p.countries === 1 ? 'country' : 'countries'}: ${p.message}\n`);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, {
    ...ASSESS_OPTIONS,
    year: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    settings: { type: 'string' },
    'draft-format': { type: 'string' },
    strict: { type: 'boolean' },
    'no-drafts': { type: 'boolean' },
    'action-plans': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const dirShown = requireOne(args.positionals, 'folder of evidence files');
  const year = parseYearOption(stringOption(args, 'year'));
  if (year === undefined) throw new UsageError('--year is required (the report year to assess, such as 2025)');
  const { formats, draftFormat } = formatsFrom(args);
  if (flag(args, 'action-plans') && flag(args, 'no-drafts')) throw new UsageError('--action-plans drafts the action plans with the other drafts: it cannot go with --no-drafts');
  const outShown = stringOption(args, 'out') ?? `tip-batch-${year}`;
  const settings = stringOption(args, 'settings');
  const { historyPath, waiversPath, corpus: _corpus, ...assess } = assessOptionsFrom(args, io.cwd, resolve);

  // Progress only on a terminal: a log file or a pipe gets the summary alone.
  let shown = false;
  const onProgress = io.stderrIsTTY
    ? (done: number, total: number) => {
        io.stderr(`\r${done}/${total} countries`);
        shown = true;
      }
    : undefined;

  const result = await runBatch(resolve(io.cwd, dirShown), {
    year,
    ...(historyPath !== undefined ? { historyPath } : {}),
    ...(waiversPath !== undefined ? { waiversPath } : {}),
    outDir: resolve(io.cwd, outShown),
    formats,
    assess,
    drafts: !flag(args, 'no-drafts'),
    actionPlans: flag(args, 'action-plans'),
    draftFormat,
    strict: flag(args, 'strict'),
    ...(settings !== undefined ? { settingsPath: resolve(io.cwd, settings) } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  if (shown) io.stderr('\n');
  if (flag(args, 'json')) {
    const r = result.report;
    const code = r.totals.assessed + r.totals.failed === 0 || r.totals.failed > 0 ? 1 : 0;
    printJson(io.stdout, batchJson(result, outShown, code));
    return code;
  }

  const r = result.report;
  summarize(result, io, dirShown, outShown);
  if (r.totals.assessed + r.totals.failed === 0) {
    // An empty year is almost always a wrong folder or year: say so rather than succeed quietly.
    io.stderr(`tip batch: no evidence file for the ${year} report in ${dirShown}\n`);
    return 1;
  }
  return r.totals.failed > 0 ? 1 : 0;
}
