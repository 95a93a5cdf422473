import { join, resolve } from 'node:path';
import { assessFile, ledgerFor } from '../../assess/file.js';
import { whatIf } from '../../whatif/index.js';
import { InputError, UsageError, formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { DOC_NAMES, DRAFT_FORMATS, isDocName, renderDocxEach, usesWhatIf, renderEach, suggestedRecommendations, writeDocuments, type DocName, type DraftFormat, type Outcome, type Placeholder, type RenderedDocument, type RenderedDocx } from '../../render/index.js';
import { loadReportYears } from '../../report-year/resolve.js';
import { flag, parseCommandArgs, requireOne, stringOption } from '../args.js';
import { ASSESS_OPTIONS, ASSESS_OPTIONS_HELP, assessOptionsFrom } from '../assess-options.js';
import { inputPath, shownPath, type Io } from '../io.js';
import { printJson, renderJson } from '../json-output.js';

export const help = `Usage: tip render FILE --doc narrative|demarche|nonpaper|press|action-plan|all [--history CSV] [--waivers CSV]
                  [--format text|markdown|docx] [--out DIR] [--settings FILE] [--strict] [options]

Assesses an evidence file and drafts, from the templates under templates/, in the register of the
State Department's cables to post:
  narrative   the country narrative, laid out as the Report of that year laid it out
  demarche    the action cable: header (FM/TO, E.O., TAGS, SUBJECT, REF), embargo, release time,
              delivery windows by regional bureau, the action requests, and the narrative,
              non-paper and press guidance in place
  nonpaper    the TVPA background of that report year, for the host government
  press       the press guidance Q&A
  action-plan the action plan draft: the government actions of tip what-if in order of priority,
              linked to the criteria they answer, what the clock does next year if nothing
              changes, and the statutory deadline where there is one; the demarche and the press
              guidance order their recommendations by the same priorities
Counts, ordinals, dates and tier changes come from the assessment and the Watch List clock
(give --history so the clock is applied), and the release facts from data/report-years.yaml
(\`tip settings YEAR\` shows them). A fact nobody supplied prints as a placeholder such as
[RELEASE DATE] and is listed as a warning; the drafts are still written (exit 0) unless --strict.
A document that cannot be rendered is reported and the others are written all the same.

Options:
  --doc DOC                     narrative, demarche, nonpaper, press, action-plan or all (repeatable)
  --format FORMAT               text (default, the cable's plain text), markdown, or docx (Word;
                                needs --out)
  --out DIR                     write ISO3-YEAR-doc.txt (.md, .docx) files there, atomically;
                                without it the drafts go to standard output
  --settings FILE               report-year settings merged over data/report-years.yaml (same
                                format: years: {2009: {release: {date, time, zone}, ...}})
  --strict                      a placeholder is an error: a document with one is not written
  --json                        {"ok","documents":[{"doc","fileName","content"}],"notes","placeholders",
                                "failures"}, or with --out {"ok","written":[...],...}; Word content is
                                given as contentBase64
${ASSESS_OPTIONS_HELP}

Exit codes: 0 done (warnings allowed), 1 invalid input, a document that failed, or a placeholder
under --strict, 2 usage error.
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

function formatFrom(value: string | undefined): DraftFormat {
  if (value === undefined) return 'text';
  if (!(DRAFT_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format expects ${DRAFT_FORMATS.join(', ')}, found "${value}"`);
  return value as DraftFormat;
}

/**
 * Every placeholder of the documents, once each, with the files that carry it:
 * "warning: [RELEASE DATE] in MYS-2026-demarche.txt, MYS-2026-nonpaper.txt: the release date ...".
 */
export function placeholderLines(docs: readonly { fileName: string; placeholders: readonly Placeholder[] }[], level: 'warning' | 'error'): string {
  const byToken = new Map<string, { p: Placeholder; files: string[] }>();
  for (const d of docs) for (const p of d.placeholders) (byToken.get(p.token) ?? byToken.set(p.token, { p, files: [] }).get(p.token)!).files.push(d.fileName);
  return [...byToken.values()].map(({ p, files }) => `${level}: ${p.token} in ${files.join(', ')}: ${p.message}\n`).join('');
}

/** The message of a document that failed: located diagnostics when it is an input error. */
export function failureLines(doc: string, error: unknown): string {
  if (error instanceof InputError) return error.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('') + `error: the ${doc} was not rendered\n`;
  return `error: the ${doc} was not rendered: ${error instanceof Error ? error.message : String(error)}\n`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, {
    ...ASSESS_OPTIONS,
    doc: { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
    settings: { type: 'string' },
    strict: { type: 'boolean' },
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
  const strict = flag(args, 'strict');
  const json = flag(args, 'json');
  if (format === 'docx' && out === undefined && !json) throw new UsageError('--format docx writes Word files: give --out DIR (or --json)');
  const options = assessOptionsFrom(args, io.cwd, resolve);

  // Read the settings file before assessing, so a bad file is reported even if the evidence is fine.
  const override = settingsPath !== undefined ? loadReportYears(resolve(io.cwd, settingsPath)) : undefined;
  const ledger = ledgerFor(options);
  const { assessment, evidence } = await assessFile(inputPath(io, file), { ...options, ...(ledger ? { ledger } : {}) });
  assessment.file = shownPath(file);
  // The action plan, and the order of the demarche's and the press guidance's recommendations,
  // come from tip what-if (an open tier is refused by the drafts anyway).
  const plan = !assessment.open && docs.some(usesWhatIf) ? await whatIf({ evidence, ledger, options }) : undefined;
  const renderOptions = { docs, ...(override ? { override } : {}), ...(plan ? { whatIf: plan } : {}) };
  const outcomes: Outcome<RenderedDocument | RenderedDocx>[] = format === 'docx' ? await renderDocxEach(assessment, evidence, renderOptions) : renderEach(assessment, evidence, { ...renderOptions, format });

  const { ready, refused, failures } = sortOutcomes(outcomes, strict);
  const failed = failures.length > 0 || refused.length > 0;
  if (json) {
    const written = out === undefined ? undefined : (writeDocuments(ready, resolve(io.cwd, out)), ready.map((r) => join(out, r.fileName)));
    const placeholders = [...ready, ...refused].flatMap((r) => r.placeholders.map((p) => ({ fileName: r.fileName, token: p.token, message: p.message })));
    printJson(io.stdout, {
      ...(renderJson(ready.map(contentOf), written, assessment.notes) as Record<string, unknown>),
      ok: !failed,
      placeholders,
      refused: refused.map((r) => r.fileName),
      failures: failures.map((f) => ({ doc: f.doc, message: f.error instanceof Error ? f.error.message : String(f.error) })),
    });
    return failed ? 1 : 0;
  }

  // What the desk officer must know about the drafts (no history given: the clock was not applied).
  for (const note of assessment.notes) io.stderr(`note: ${note}\n`);
  const suggested = suggestedRecommendations(assessment);
  if (suggested.length > 0) {
    const provisions = [...new Set(suggested.flatMap((r) => r.covers ?? []))].map((p) => `§108(${p[0]})(${p.slice(1)})`);
    io.stderr(`note: the drafts print the analyst's recommendations; the statute also suggests ${suggested.length} for provisions they do not cover (${provisions.join(', ')}): see tip assess, or name them in a recommendation's covers\n`);
  }
  for (const f of failures) io.stderr(failureLines(f.doc, f.error));
  io.stderr(placeholderLines(ready, 'warning'));
  if (refused.length > 0) {
    io.stderr(placeholderLines(refused, 'error') + `error: not written (--strict): ${refused.map((r) => r.fileName).join(', ')}\n`);
  }

  if (out === undefined) {
    const texts = ready as RenderedDocument[];
    if (texts.length === 1 && outcomes.length === 1) io.stdout(texts[0]!.content);
    else texts.forEach((r, i) => io.stdout(`${i === 0 ? '' : '\n'}==> ${r.fileName} <==\n${r.content}`));
  } else {
    writeDocuments(ready, resolve(io.cwd, out));
    for (const r of ready) io.stdout(`wrote ${join(out, r.fileName)}\n`);
  }
  return failed ? 1 : 0;
}

type Draft = RenderedDocument | RenderedDocx;

/** A draft's content for the JSON output: the text, or the Word file's bytes (given as base64). */
function contentOf(d: Draft): { doc: string; fileName: string; content: string | Uint8Array } {
  return { doc: d.doc, fileName: d.fileName, content: 'bytes' in d ? d.bytes : d.content };
}

/** Documents ready to write, those --strict refuses for a placeholder, and those that failed. */
function sortOutcomes(outcomes: readonly Outcome<Draft>[], strict: boolean): { ready: Draft[]; refused: Draft[]; failures: { doc: string; error: unknown }[] } {
  const ready: Draft[] = [];
  const refused: Draft[] = [];
  const failures: { doc: string; error: unknown }[] = [];
  for (const o of outcomes) {
    if (!o.ok) failures.push({ doc: o.doc, error: o.error });
    else if (strict && o.value.placeholders.length > 0) refused.push(o.value);
    else ready.push(o.value);
  }
  return { ready, refused, failures };
}
