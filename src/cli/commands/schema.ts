import { resolve } from 'node:path';
import { evidenceJsonSchema } from '../../evidence/json-schema.js';
import { writeFileAtomic } from '../../fsutil/atomic-write.js';
import { flag, parseCommandArgs, stringOption } from '../args.js';
import type { Io } from '../io.js';

export const help = `Usage: tip schema [--out FILE [--force]]

Prints the JSON Schema of the evidence file (or writes it to FILE, which must not exist unless
--force). Point your editor at it with a first line in the evidence file such as
  # yaml-language-server: $schema=../tip-evidence.schema.json
(tip init writes that line, pointing at the schema shipped in the package).
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { out: { type: 'string' }, force: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const text = JSON.stringify(evidenceJsonSchema(), null, 2) + '\n';
  const out = stringOption(args, 'out');
  if (out === undefined) io.stdout(text);
  else {
    if (!writeFileAtomic(resolve(io.cwd, out), text, { exclusive: !flag(args, 'force') })) {
      io.stderr(`tip schema: ${out} exists; not overwritten (use --force to replace it)\n`);
      return 1;
    }
    io.stderr(`wrote ${out}\n`);
  }
  return 0;
}
