import { join, relative, resolve } from 'node:path';
import { assessFile } from '../../assess/file.js';
import { EXAMPLES_DIR } from '../../paths.js';
import { formatAssessment } from '../../report/assessment-text.js';
import { renderDocuments, writeDocuments } from '../../render/index.js';
import { flag, parseCommandArgs, stringOption } from '../args.js';
import type { Io } from '../io.js';

export const help = `Usage: tip demo [--out DIR]

The main job on the bundled example, what \`npm start\` runs: assesses examples/CHN-2009.yaml
(China, 2009 report) against examples/tiers.csv and writes the four drafts (narrative,
demarche, non-paper, press guidance) to DIR (default: out/CHN-2009).
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { out: { type: 'string' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const evidencePath = join(EXAMPLES_DIR, 'CHN-2009.yaml');
  const ledgerPath = join(EXAMPLES_DIR, 'tiers.csv');
  const outDir = resolve(io.cwd, stringOption(args, 'out') ?? join('out', 'CHN-2009'));
  const { assessment, evidence } = await assessFile(evidencePath, { historyPath: ledgerPath });
  assessment.file = relative(io.cwd, evidencePath);
  io.stdout(formatAssessment(assessment));
  const written = writeDocuments(renderDocuments(assessment, evidence, { docs: 'all', format: 'text' }), outDir);
  io.stdout(`\nDrafts written:\n${written.map((p) => `  ${relative(io.cwd, p)}`).join('\n')}\n`);
  io.stdout(`\nNext: \`npx tip assess ${relative(io.cwd, evidencePath)} --history ${relative(io.cwd, ledgerPath)} --trace\` shows every rule and its citation.\n`);
  return 0;
}
