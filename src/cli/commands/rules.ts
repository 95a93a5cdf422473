import { bundledCorpus, inForce } from '../../rules/corpus.js';
import { flag, parseCommandArgs, parseYearOption, stringOption } from '../args.js';
import type { Io } from '../io.js';
import { naturalCompare } from '../../load/text.js';

export const help = `Usage: tip rules [--year Y] [--json]

Lists the rules and parameters of the corpus (rules/), with their citations, layer and report
years; with --year, only those in force in that report year.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { year: { type: 'string' }, json: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const year = parseYearOption(stringOption(args, 'year'));
  const corpus = bundledCorpus();
  const items = [...corpus.rules, ...corpus.parameters]
    .filter((r) => year === undefined || inForce(r, year))
    .sort((a, b) => naturalCompare(a.file, b.file))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      layer: r.layer,
      effective: r.effective,
      file: r.file,
      line: r.line,
      cites: r.cites,
      ...('exception_of' in r && r.exception_of ? { exception_of: r.exception_of } : {}),
    }));
  if (flag(args, 'json')) {
    io.stdout(JSON.stringify({ year: year ?? null, rules: items }, null, 2) + '\n');
    return 0;
  }
  io.stdout(`${items.length} ${year === undefined ? 'rules and parameters' : `rules and parameters in force in the ${year} report`}\n\n`);
  for (const r of items) {
    const years = `${r.effective.from}-${r.effective.to ?? ''}`;
    const layer = r.layer === 'practice' ? 'practice, not law' : r.layer === 'rubric' ? 'rubric, policy guidance' : r.layer;
    io.stdout(`${r.id}  [${layer}, ${years}]${r.exception_of ? ` exception of ${r.exception_of.join(', ')}` : ''}\n`);
    io.stdout(`  ${r.title}\n  ${r.file}:${r.line}\n`);
    for (const c of r.cites) io.stdout(`  cites ${c.title} ${c.pinpoint} <${c.href}>\n`);
    io.stdout('\n');
  }
  return 0;
}
