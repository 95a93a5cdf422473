import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BackgroundWriter } from '../../src/batch/background-writer.js';

const root = mkdtempSync(join(tmpdir(), 'tip-bgw-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('BackgroundWriter', () => {
  test('writes every file whole, more files than its in-flight limit, and leaves no temporary file', async () => {
    const dir = join(root, 'a', 'drafts');
    const w = new BackgroundWriter(3);
    const expected = new Map<string, string>();
    for (let i = 0; i < 25; i++) {
      const name = `F${String(i).padStart(2, '0')}.txt`;
      const content = `draft ${i}\n`.repeat(i + 1);
      expected.set(name, content);
      await w.write(join(dir, name), content);
    }
    expect(await w.flush()).toBe(25);
    expect(readdirSync(dir).sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
  });

  test('replaces an existing file atomically', async () => {
    const dir = join(root, 'b');
    mkdirSync(dir);
    writeFileSync(join(dir, 'x.txt'), 'old');
    const w = new BackgroundWriter();
    await w.write(join(dir, 'x.txt'), 'new');
    await w.flush();
    expect(readFileSync(join(dir, 'x.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['x.txt']);
  });

  test('a failed write makes flush throw, and the next write refuses', async () => {
    const dir = join(root, 'c');
    mkdirSync(dir);
    // The target is a non-empty folder: the rename over it fails.
    mkdirSync(join(dir, 'taken.txt'));
    writeFileSync(join(dir, 'taken.txt', 'inside'), 'x');
    const w = new BackgroundWriter();
    await w.write(join(dir, 'taken.txt'), 'content');
    await expect(w.flush()).rejects.toThrow();
    await expect(w.write(join(dir, 'other.txt'), 'y')).rejects.toThrow();
    // The temporary file was removed.
    expect(readdirSync(dir)).toEqual(['taken.txt']);
  });
});
