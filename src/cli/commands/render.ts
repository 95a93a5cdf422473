import { join, resolve } from 'node:path';
import { assessFile } from '../../assess/file.js';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { DOC_NAMES, FORMATS, isDocName, renderDocuments, writeDocuments, type DocName, type Format } from '../../render/index.js';
import { loadReportYears } from '../../report-year/resolve.js';
import { flag, parseCommandArgs, requireOne, stringOption } from '../args.js';
import { ASSESS_OPTIONS, ASSESS_OPTIONS_HELP, assessOptionsFrom } from '../assess-options.js';
import { inputPath, shownPath, type Io } from '../io.js';
import { printJson, renderJson } from '../json-output.js';

export const help = `Usage: tip render FILE --doc narrative|demarche|nonpaper|press|all [--history CSV] [--waivers CSV]
                  [--format text|markdown] [--out DIR] [--settings FILE] [options]

Assesses an evidence file and drafts, from the templates under templates/, in the register of the
State Department's 2009 cable to post:
  narrative   the country narrative (tier header, profile, tier paragraph, recommendations,
              Prosecution, Protection, Prevention)
  demarche    the action cable: embargo, release time, delivery windows by regional bureau, the
              action requests, and the narrative, non-paper and press guidance in place
  nonpaper    the TVPA background of that report year, for the host government
  press       the press guidance Q&A
Counts, ordinals, dates and tier changes come from the assessment and the Watch List clock
(give --history so the clock is applied), and the release facts from data/report-years.yaml.

Options:
  --doc DOC                     narrative, demarche, nonpaper, press or all (repeatable)
  --format FORMAT               text (default, the cable's plain text) or markdown
  --out DIR                     write ISO3-YEAR-doc.txt (.md) files there, atomically; without it the
                                drafts go to standard output
  --settings FILE               report-year settings merged over data/report-years.yaml (same
                                format: years: {2009: {release: {date, time, zone}, ...}})
  --json                        {"ok","documents":[{"doc","fileName","content"}],"notes"}, or with
                                --out {"ok","written":[...],"notes"}
${ASSESS_OPTIONS_HELP}

Exit codes: 0 done, 1 invalid input, 2 usage error.
`;

function docsFrom(values: unknown): DocName[] {
  const given = (Array.isArray(values) ? values : values === undefined ? [] : [values]).map(String);
  if (given.length === 0) throw new UsageError(`--doc is required: one of ${DOC_NAMES.join(', ')}, or all`);
  const docs = new Set<DocName>();
  for (const d of given) {
    if (d === 'all') DOC_NAMES.forEach((x) => docs.add(x));
    else if (isDocName(d)) docs.add(d);
    else throw new UsageError(`--doc expects one of ${DOC_NAMES.join(', ')}, or all, found "${d}"`);
  }
  return DOC_NAMES.filter((d) => docs.has(d));
}

function formatFrom(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format expects ${FORMATS.join(' or ')}, found "${value}"`);
  return value as Format;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, {
    ...ASSESS_OPTIONS,
    doc: { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
    settings: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const file = requireOne(args.positionals, 'evidence file');
  const docs = docsFrom(args.values.doc);
  const format = formatFrom(stringOption(args, 'format'));
  const settingsPath = stringOption(args, 'settings');
  const out = stringOption(args, 'out');
  const options = assessOptionsFrom(args, io.cwd, resolve);

  // Read the settings file before assessing, so a bad file is reported even if the evidence is fine.
  const override = settingsPath !== undefined ? loadReportYears(resolve(io.cwd, settingsPath)) : undefined;
  const { assessment, evidence } = await assessFile(inputPath(io, file), options);
  assessment.file = shownPath(file);
  const results = renderDocuments(assessment, evidence, { docs, format, ...(override ? { override } : {}) });

  if (flag(args, 'json')) {
    const written = out === undefined ? undefined : writeDocuments(results, resolve(io.cwd, out)).map((_, i) => join(out, results[i]!.fileName));
    printJson(io.stdout, renderJson(results, written, assessment.notes));
    return 0;
  }
  // What the desk officer must know about the drafts (no history given: the clock was not applied).
  for (const note of assessment.notes) io.stderr(`note: ${note}\n`);

  if (out === undefined) {
    if (results.length === 1) io.stdout(results[0]!.content);
    else results.forEach((r, i) => io.stdout(`${i === 0 ? '' : '\n'}==> ${r.fileName} <==\n${r.content}`));
    return 0;
  }
  writeDocuments(results, resolve(io.cwd, out));
  for (const r of results) io.stdout(`wrote ${join(out, r.fileName)}\n`);
  return 0;
}
