import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { MARK } from '../../src/render/docx/markup.js';
import { createEngine } from '../../src/render/engine.js';

/**
 * The Handlebars environment's guarantees (strict, knownHelpersOnly, noEscape, values never compiled), checked on a copy of the
 * templates folder with one template replaced.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function templatesWith(press: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tip-templates-'));
  dirs.push(dir);
  cpSync(TEMPLATES_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'press.hbs'), press);
  return dir;
}

describe('template engine', () => {
  test('knownHelpersOnly: an undeclared helper is an error', () => {
    const engine = createEngine(templatesWith('{{shout name}}'));
    expect(() => engine.render('press', { name: 'x' }, 'text')).toThrow(/shout/);
  });
  test('strict: a misspelt field is an error, not an empty string', () => {
    const engine = createEngine(templatesWith('{{countyr.name}}'));
    expect(() => engine.render('press', { country: { name: 'China' } }, 'text')).toThrow(/not defined/);
    // The same template with the right field renders.
    expect(createEngine(templatesWith('{{country.name}}')).render('press', { country: { name: 'China' } }, 'text')).toBe('China');
  });
  test('noEscape: plain text stays as written', () => {
    const engine = createEngine(templatesWith('{{t}}'));
    expect(engine.render('press', { t: 'A & B "C" <d>' }, 'text')).toBe('A & B "C" <d>');
  });
  test('values are data: template syntax inside a value is printed, not run', () => {
    const engine = createEngine(templatesWith('{{t}}'));
    expect(engine.render('press', { t: '{{> narrative-body}} {{#each x}}' }, 'text')).toBe('{{> narrative-body}} {{#each x}}');
  });
  test('helpers refuse wrong values instead of printing nonsense', () => {
    const engine = createEngine(templatesWith('{{ordinal n}} {{tierName t}}'));
    expect(() => engine.render('press', { n: 'five', t: '2WL' }, 'text')).toThrow(/ordinal/);
    expect(() => engine.render('press', { n: 5, t: '4' }, 'text')).toThrow(/tierName/);
    expect(engine.render('press', { n: 5, t: '2WL' }, 'text')).toBe('fifth Tier 2 Watch List');
  });
  test('format-aware helpers: headings, paragraph numbers, bullets', () => {
    const engine = createEngine(templatesWith('{{#heading 2}}Prosecution{{/heading}}|{{para 5}}|{{bullet}}|{{#strong}}Q1:{{/strong}}'));
    expect(engine.render('press', {}, 'text')).toBe('Prosecution|5.|--|Q1:');
    expect(engine.render('press', {}, 'markdown')).toBe('## Prosecution|**5.**|-|**Q1:**');
  });
  test('the Word markup: private-use marks for headings, bold, list items and the cable block', () => {
    const engine = createEngine(templatesWith('{{#heading 2}}P{{/heading}}|{{#strong}}Q1:{{/strong}}|{{bullet}}|{{item}}|{{#cable}}A\nB\n{{/cable}}'));
    expect(engine.render('press', {}, 'docx')).toBe(`${MARK.heading}2P${MARK.headingEnd}|${MARK.bold}Q1:${MARK.boldEnd}|${MARK.bullet}|${MARK.bullet}|${MARK.cable}A\nB`);
    expect(engine.render('press', {}, 'markdown')).toBe('## P|**Q1:**|-|-|```text\nA\nB\n```');
  });
  test('placeholders pass through the date and time helpers; a real value is formatted', () => {
    const engine = createEngine(templatesWith('{{date d "weekday"}} {{at m}}'));
    expect(engine.render('press', { d: '[RELEASE DATE]', m: { time: '[RELEASE TIME]', zone: '' } }, 'text')).toBe('[RELEASE DATE] [RELEASE TIME]');
    expect(engine.render('press', { d: '2009-06-16', m: { time: '15:30', zone: 'EDT' } }, 'text')).toBe('Tuesday June 16 3:30 p.m. EDT');
  });
  test('a missing partial is an error', () => {
    const engine = createEngine(templatesWith('{{> no-such-partial}}'));
    expect(() => engine.render('press', {}, 'text')).toThrow(/no-such-partial/);
  });
});
