import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { HttpError } from './http.js';

/**
 * The folder the workbench serves. Every path a request names is relative to it, and nothing
 * outside it can be read or written: absolute paths, `..`, hidden names and backslashes are
 * refused before the disk is touched, and the real path (symbolic links followed) must still lie
 * inside the workspace, so a link that points elsewhere is refused too.
 */

const MAX_FILES = 2000;
const MAX_DEPTH = 4;
export const EVIDENCE_EXTENSIONS = ['.yaml', '.yml'] as const;

export interface ResolvedPath {
  /** As the API names it: forward slashes, relative to the workspace. */
  rel: string;
  abs: string;
  exists: boolean;
}

export class Workspace {
  readonly root: string;
  readonly shownAs: string;

  constructor(dir: string) {
    this.shownAs = dir;
    let real: string;
    try {
      real = realpathSync(resolve(dir));
    } catch {
      throw new UsageError(`--dir: no such folder: ${dir}`);
    }
    if (!statSync(real).isDirectory()) throw new UsageError(`--dir: not a folder: ${dir}`);
    this.root = real;
  }

  private inside(real: string): boolean {
    return real === this.root || real.startsWith(this.root + sep);
  }

  /** Checks the shape of a requested path (no disk access): relative, forward slashes, no dot segments. */
  static checkShape(rel: string, extensions: readonly string[]): void {
    const bad = (why: string) => new HttpError(400, `the path "${rel}" ${why}; give a path relative to the workspace, such as MYS-2026.yaml or more/MYS-2024.yaml`);
    if (rel === '' || rel.length > 512) throw bad('is empty or too long');
    if (rel.includes('\0') || rel.includes('\\')) throw bad('holds a NUL byte or a backslash');
    if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) throw bad('is absolute');
    for (const seg of rel.split('/')) {
      if (seg === '' || seg === '.' || seg === '..') throw bad('holds an empty, "." or ".." segment');
      if (seg.startsWith('.')) throw bad('names a hidden file or folder');
    }
    if (!extensions.some((e) => rel.toLowerCase().endsWith(e))) throw bad(`does not end in ${extensions.join(' or ')}`);
  }

  /** Resolves a workspace path; the file itself need not exist, but its folder must, inside the workspace. */
  resolve(rel: string, extensions: readonly string[] = EVIDENCE_EXTENSIONS): ResolvedPath {
    Workspace.checkShape(rel, extensions);
    const abs = join(this.root, ...rel.split('/'));
    if (existsSync(abs)) {
      const real = realpathSync(abs);
      if (!this.inside(real)) throw new HttpError(403, `"${rel}" leads outside the workspace (a symbolic link); it is not served`);
      if (!statSync(real).isFile()) throw new HttpError(400, `"${rel}" is not a file`);
      return { rel, abs: real, exists: true };
    }
    let parent: string;
    try {
      parent = realpathSync(dirname(abs));
    } catch {
      throw new HttpError(404, `the folder of "${rel}" does not exist in the workspace`);
    }
    if (!this.inside(parent)) throw new HttpError(403, `"${rel}" leads outside the workspace (a symbolic link); it is not served`);
    return { rel, abs: join(parent, basename(abs)), exists: false };
  }

  /** The workspace path of an absolute path inside it. */
  relOf(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  /**
   * Every evidence file in the workspace, in code-unit order: *.yaml and *.yml, in subfolders to a
   * depth of four, hidden names and node_modules skipped, links followed only when they stay inside.
   */
  listEvidence(): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (out.length >= MAX_FILES || e.name.startsWith('.') || e.name === 'node_modules') continue;
        const abs = join(dir, e.name);
        let real: string;
        try {
          real = realpathSync(abs);
        } catch {
          continue;
        }
        if (!this.inside(real)) continue;
        const st = statSync(real);
        if (st.isDirectory() && depth < MAX_DEPTH) walk(abs, depth + 1);
        else if (st.isFile() && EVIDENCE_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) out.push(this.relOf(abs));
      }
    };
    walk(this.root, 1);
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
