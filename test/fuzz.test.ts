import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it, onTestFinished } from 'vitest';
import { cli, PROJECT, workspaceFrom } from './helpers.js';

const RUNS = 1000;
// Rendering costs three times what checking does, so every run checks, and a sample also
// builds: Markdown, or the real .docx. That keeps the thousand runs within seconds.
const BUILD_EVERY = 10;
const DOCX_EVERY = 50;
const DATA = path.join('data', '2023');
const FILES = fs.readdirSync(path.join(PROJECT, DATA)).sort();

/** Values a clerk might type, paste or fat-finger into any place of a file. */
const hostileValue = fc.oneof(
  fc.constantFrom('', '~', '-1', '0', '1.157', '6.790.880.637', '"663,8"', '1,157,000', '1e999999999', '.nan', '.inf', '12345678901234567,89'),
  fc.constantFrom('{{', '}}', '{{khong_co}}', '{{tang_giam}}', '[', '{', '&a x', '*a', '!!binary', '"', "'", '#', ': ', '- ', '\t', '\uFEFF'),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
);

/** Units a clerk might type, or that only a program would look up wrongly: every spelling of %, scale words, Object's own names. */
const hostileUnit = fc.constantFrom(
  '%', ' % ', '％', 'phần trăm', 'Phần Trăm', 'điểm phần trăm', 'tỷ', 'nghìn tỷ đồng', 'triệu đồng', 'đồng', 'hộ', 'hộ/người', '',
  'constructor', 'Constructor đồng', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'tỷ constructor',
);

/** The words of a text reference: helpers, real figure keys of data/2023, and names every object has. */
const hostileReference = fc
  .tuple(
    fc.constantFrom('', 'so ', 'tang_giam ', 'muc_tang_giam ', 'chenh_lech ', 'dat_ke_hoach ', 'ke_hoach ', 'cung_ky ', 'constructor ', 'toString '),
    fc.constantFrom('tong_thu_nhap', 'thu_nhap_binh_quan', 'tong_chi_ngan_sach', 'ty_le_ho_ngheo', 'nam', 'nam_sau', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'khong_co', ''),
  )
  .map(([helper, key]) => `{{${helper}${key}}}`);

/** What a clerk types after a number: a % sign, a unit, a space. Before it: a bound's word (below). */
const numberSuffix = fc.constantFrom('%', ' %', '％', ' tỷ', ' triệu đồng', ' ', '.', ',');

type Mutation = (text: string, at: number) => string;

/** Replaces the first match of `pattern` (global) at or after `at`, or else the first in the text, with `replace(match)`. */
function replaceNear(text: string, at: number, pattern: RegExp, replace: (match: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(pattern)];
  const match = matches.find((m) => m.index >= at) ?? matches[0];
  return match ? text.slice(0, match.index) + replace(match) + text.slice(match.index + match[0].length) : text;
}

/** Mutations of a file's text at a position: its values, keys, structure and bytes. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // A value: whatever follows a key's colon on the line.
  hostileValue.map((value) => (text: string, at: number) => {
    const line = lineAround(text, at);
    const colon = text.indexOf(': ', line.start);
    return colon === -1 || colon > line.end ? text : text.slice(0, colon + 2) + value + text.slice(line.end);
  }),
  // A key: renamed, or written twice.
  fc.constantFrom('ten', 'gia_tri', 'don_vi', 'tong', 'chia', 'noi_dung', 'muc', 'tieu_de', 'x', 'tong_thu_ngan_sach').map((key) => (text: string, at: number) => {
    const line = lineAround(text, at);
    return text.slice(0, line.start) + text.slice(line.start, line.end).replace(/[a-z_]+(?=:)/, key) + text.slice(line.end);
  }),
  fc.constant((text: string, at: number) => {
    const line = lineAround(text, at);
    return text.slice(0, line.end) + '\n' + text.slice(line.start, line.end) + text.slice(line.end);
  }),
  // Structure: a line deleted, indented, dedented, or moved.
  fc.constant((text: string, at: number) => {
    const line = lineAround(text, at);
    return text.slice(0, line.start) + text.slice(Math.min(line.end + 1, text.length));
  }),
  fc.constantFrom('  ', '\t', ' ').map((indent) => (text: string, at: number) => {
    const { start } = lineAround(text, at);
    return text.slice(0, start) + indent + text.slice(start);
  }),
  fc.constant((text: string, at: number) => {
    const { start } = lineAround(text, at);
    return text.slice(0, start) + text.slice(start).replace(/^ {1,2}/, '');
  }),
  // A unit: another spelling, a scale, a name every object has; quoted or not.
  fc.tuple(hostileUnit, fc.boolean()).map(([unit, quoted]) => (text: string, at: number) =>
    replaceNear(text, at, /don_vi:[ \t]*("[^"\n]*"|[^,}\n]*)/g, () => `don_vi: ${quoted ? JSON.stringify(unit) : unit}`),
  ),
  // A reference in a text: to another figure, through another helper, or to a name every object has.
  hostileReference.map((reference) => (text: string, at: number) => replaceNear(text, at, /\{\{[^{}\n]*\}\}/g, () => reference)),
  // A number with a % sign or a unit typed after it.
  numberSuffix.map((suffix) => (text: string, at: number) =>
    replaceNear(text, at, /(gia_tri|tang_giam|ty_le_ke_hoach|ke_hoach|cung_ky|chenh_lech):[ \t]*-?\d[\d.,]*/g, (m) => m[0] + suffix),
  ),
  // A bound before a number (trên 20, khoảng 80), where the data allows one and where it does not (a signed change).
  fc.constantFrom('trên ', 'hơn ', 'dưới ', 'gần ', 'khoảng ', 'Trên ', 'trên  -').map((word) => (text: string, at: number) =>
    replaceNear(text, at, /(gia_tri|tang_giam|ty_le_ke_hoach|ke_hoach|cung_ky|chenh_lech):[ \t]*(?=-?\d)/g, (m) => m[0] + word),
  ),
  // Bytes: inserted, replaced, or the file cut short.
  fc.string({ minLength: 1, maxLength: 4 }).map((inserted) => (text: string, at: number) => text.slice(0, at) + inserted + text.slice(at)),
  fc.constant((text: string, at: number) => text.slice(0, at)),
);

function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return { start, end: end === -1 ? text.length : end };
}

/** The well-formedness errors of an XML text (a strict parser: tags, entities, characters, namespaces). */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

/** A complete document: a .docx whose every XML part is well-formed and which has its body, or a non-empty Markdown file. */
function expectCompleteOrNone(file: string, code: number): void {
  if (code !== 0) {
    expect(fs.existsSync(file)).toBe(false);
    return;
  }
  const bytes = fs.readFileSync(file);
  if (!file.endsWith('.docx')) {
    expect(bytes.length).toBeGreaterThan(0);
    return;
  }
  const parts = unzipSync(bytes);
  expect(strFromU8(parts['word/document.xml']!)).toMatch(/<\/w:document>$/);
  const xmlParts = Object.keys(parts).filter((name) => /\.(xml|rels)$/.test(name));
  expect(xmlParts.length).toBeGreaterThan(5);
  for (const name of xmlParts) expect(xmlErrors(strFromU8(parts[name]!)), name).toEqual([]);
}

describe('fuzzing the shipped data', () => {
  it(`${RUNS} mutations of data/2023 (values, keys, structure, units, references, numbers, bounds, bytes), each checked, ${RUNS / BUILD_EVERY} also built (${RUNS / DOCX_EVERY} as .docx, every XML part parsed): exit 0, 1 or 2, no stack trace, a complete document or none`, async () => {
    const dir = workspaceFrom(PROJECT);
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const originals = new Map(FILES.map((name) => [name, fs.readFileSync(path.join(dir, DATA, name))]));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.array(fc.tuple(mutation, fc.nat()), { minLength: 1, maxLength: 3 }), async (name, mutations) => {
        const file = path.join(dir, DATA, name);
        const original = originals.get(name)!;
        const text = mutations.reduce((mutated, [mutate, at]) => mutate(mutated, at % (mutated.length + 1)), original.toString('utf8'));
        fs.writeFileSync(file, text);
        const output = path.join(dir, run % DOCX_EVERY === 0 ? 'bao-cao.docx' : 'bao-cao.md');
        const build = run++ % BUILD_EVERY === 0;
        try {
          const args = build ? ['build', '2023', '--format', path.extname(output).slice(1), '--out', path.basename(output)] : ['check', '2023'];
          const result = await cli(args, dir);
          expect([0, 1, 2]).toContain(result.code);
          expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Lỗi ngoài dự kiến/);
          if (build) expectCompleteOrNone(output, result.code);
          expect(fs.readdirSync(dir).filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
        } finally {
          fs.writeFileSync(file, original);
          fs.rmSync(output, { force: true });
        }
      }),
      { seed: 20231205, numRuns: RUNS, endOnFailure: true },
    );
    expect(run).toBe(RUNS);
  }, 120_000);
});
