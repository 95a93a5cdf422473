import type { IncomingMessage, ServerResponse } from 'node:http';
import { InputError } from '../diagnostics/diagnostic.js';
import { DOC_NAMES, DRAFT_FORMATS, documentFileName, draftDocx, isDocName, renderDocuments, usesWhatIf, type DraftFormat, type Format } from '../render/index.js';
import { whatIfFor } from './api-whatif.js';
import type { Context } from './context.js';
import type { CheckedEvidence } from './evidence-io.js';
import { diagnosticJson, HttpError, send, sendJson } from './http.js';
import { lawOfYear } from './law.js';
import { draftMediaType } from './static.js';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR } from '../model/tier.js';

/**
 * The computing half of the API: the schema, the law of a year, and validate / assess / render of
 * evidence sent in the request (nothing is read from or written to the workspace here).
 */

type Handler = (ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const FORMAT_LABELS: Record<string, string> = { text: 'Plain text', markdown: 'Markdown', docx: 'Word' };

function yearParam(url: URL): number {
  const raw = url.searchParams.get('year') ?? '';
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) throw new HttpError(400, `year expects a report year from ${FIRST_REPORT_YEAR} to ${LAST_REPORT_YEAR}, found "${raw}"`);
  return year;
}

function requireValid(checked: CheckedEvidence): asserts checked is Extract<CheckedEvidence, { ok: true }> {
  if (!checked.ok) throw new HttpError(422, `the evidence has ${checked.diagnostics.length} problem${checked.diagnostics.length === 1 ? '' : 's'}`, { diagnostics: checked.diagnostics });
}

export const schema: Handler = async (ctx, _req, res) => sendJson(res, 200, ctx.schema());

export const law: Handler = async (ctx, _req, res, url) => {
  const options = ctx.assessor.optionsFor(url.searchParams, ['year']);
  sendJson(res, 200, lawOfYear(yearParam(url), ctx.corpus, options.effective ?? {}));
};

export const formats: Handler = async (_ctx, _req, res) => {
  const list = DRAFT_FORMATS.map((format) => {
    const extension = documentFileName('XXX', 2000, 'narrative', format).split('.').pop()!;
    return { format, extension, label: `${FORMAT_LABELS[format] ?? format} (.${extension})` };
  });
  sendJson(res, 200, { docs: DOC_NAMES, formats: list });
};

export const validate: Handler = async (ctx, req, res, url) => {
  const options = ctx.assessor.optionsFor(url.searchParams);
  const checked = await ctx.evidenceFrom(req, options);
  sendJson(res, 200, checked.ok ? { valid: true, diagnostics: [] } : { valid: false, diagnostics: checked.diagnostics.map(diagnosticJson) });
};

export const assess: Handler = async (ctx, req, res, url) => {
  const trace = url.searchParams.get('trace');
  const options = ctx.assessor.optionsFor(url.searchParams, ['trace']);
  const checked = await ctx.evidenceFrom(req, options);
  requireValid(checked);
  sendJson(res, 200, await ctx.assessor.panel(checked.evidence, options, trace === '1' || trace === 'true'));
};

export const render: Handler = async (ctx, req, res, url) => {
  const doc = url.searchParams.get('doc') ?? '';
  const format = url.searchParams.get('format') ?? DRAFT_FORMATS[0];
  const download = url.searchParams.get('download') === '1' || url.searchParams.get('download') === 'true';
  if (!isDocName(doc)) throw new HttpError(400, `doc expects one of ${DOC_NAMES.join(', ')}, found "${doc}"`);
  if (!(DRAFT_FORMATS as readonly string[]).includes(format)) throw new HttpError(400, `format expects one of ${DRAFT_FORMATS.join(', ')}, found "${format}"`);
  if (format === 'docx' && !download) throw new HttpError(400, 'the docx format cannot be previewed; add download=1 to get the file');
  const options = ctx.assessor.optionsFor(url.searchParams, ['doc', 'format', 'download']);
  const checked = await ctx.evidenceFrom(req, options);
  requireValid(checked);
  const { assessment } = await ctx.assessor.assess(checked.evidence, options);
  // As tip render: the action plan, and the order of the demarche's and press guidance's recommendations, from tip what-if.
  const plan = !assessment.open && usesWhatIf(doc) ? { whatIf: await whatIfFor(ctx, checked.evidence, options) } : {};
  let rendered: { fileName: string; content: string | Uint8Array };
  try {
    rendered =
      format === 'docx'
        ? { fileName: documentFileName(assessment.country.iso3, assessment.year, doc, format as DraftFormat), content: await draftDocx(assessment, checked.evidence, doc, plan) }
        : renderDocuments(assessment, checked.evidence, { docs: [doc], format: format as Format, ...plan })[0]!;
  } catch (err) {
    if (err instanceof InputError) throw new HttpError(422, `the ${doc} cannot be drafted yet`, { diagnostics: err.diagnostics });
    throw err;
  }
  const content = rendered.content;
  if (download) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const name = rendered.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
    send(res, 200, bytes, draftMediaType(name), { 'content-disposition': `attachment; filename="${name}"` });
    return;
  }
  sendJson(res, 200, { doc, format, fileName: rendered.fileName, content, notes: assessment.notes });
};
