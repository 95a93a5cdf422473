import type { Io } from '../io.js';

export const help = 'tip init (not yet implemented)\n';

export async function run(_argv: string[], io: Io): Promise<number> {
  io.stderr('tip init: not yet implemented\n');
  return 2;
}
