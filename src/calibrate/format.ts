import { tierName } from '../model/tier.js';
import type { CalibrationReport } from './calibrate.js';

const pad = (s: string, n: number) => s.padEnd(n);

/** The agreement table, the confusion matrix and the agreement figure, as text. */
export function formatCalibration(r: CalibrationReport): string {
  const out: string[] = [];
  out.push(`Calibration of ${r.dir}: ${r.rows.length} file${r.rows.length === 1 ? '' : 's'} with a published tier` + (r.skipped.length ? `, ${r.skipped.length} skipped` : '') + (r.failures.length ? `, ${r.failures.length} failed` : ''));
  out.push('(engine: the assessment with no analyst determination and the ledger as it stood before the report; rubric: policy guidance, before the Watch List and the statute)');
  out.push('');
  const width = Math.max(4, ...r.rows.map((x) => x.file.length));
  out.push(`${pad('file', width)}  year  published  engine  rubric  agree  unknowns  open  decided by`);
  for (const x of r.rows) {
    out.push(
      `${pad(x.file, width)}  ${x.year}  ${pad(x.published, 9)}  ${pad(x.engine, 6)}  ${pad(x.rubric, 6)}  ${pad(x.agrees ? 'yes' : 'NO', 5)}  ${pad(String(x.unknowns), 8)}  ${pad(String(x.openQuestions), 4)}  ${x.decidedBy.join(', ')}`,
    );
  }
  out.push('');
  out.push('Confusion matrix (rows: published tier; columns: engine tier; open: the ledger leaves the tier undecided)');
  const tiers = r.confusion.tiers;
  out.push(`${pad('', 10)}${[...tiers, 'open'].map((t) => pad(t, 8)).join('')}`.trimEnd());
  for (const p of tiers) out.push(`${pad(p, 10)}${[...tiers.map((e) => r.confusion.counts[p][e]), r.confusion.open[p]].map((n) => pad(String(n), 8)).join('')}`.trimEnd());
  out.push('');
  const a = r.agreement;
  out.push(
    a.ratio === null
      ? 'Agreement: no file with a published tier'
      : `Agreement: ${a.agree} of ${a.total} (${(a.ratio * 100).toFixed(1)}%) with a definite tier equal to the published one` +
          (a.openIncludingPublished > 0 ? `; ${a.openIncludingPublished} more open with the published tier among the possible ones` : ''),
  );
  const open = r.rows.filter((x) => x.open !== null);
  if (open.length > 0) {
    out.push(`Open tiers (the ledger lacks a year that decides; never counted as agreeing): ${open.map((x) => `${x.file} (${x.open!.map(tierName).join(' or ')})`).join('; ')}`);
  }
  const misses = r.rows.filter((x) => !x.agrees && x.open === null);
  if (misses.length > 0) out.push(`Misses: ${misses.map((x) => `${x.file} (published ${tierName(x.published)}, engine ${tierName(x.engine)})`).join('; ')}`);
  for (const s of r.skipped) out.push(`Skipped ${s.file}: ${s.reason}`);
  for (const f of r.failures) out.push(`Failed ${f.file}:\n${f.message}`);
  return out.join('\n') + '\n';
}
