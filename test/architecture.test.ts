import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from './helpers.js';

const SRC = path.join(PROJECT, 'src');
/** The stages of the pipeline (and what they share): none may reach up into a command or the CLI. */
const STAGES = ['load', 'validate', 'compute', 'check', 'text', 'render', 'emit', 'vietnamese'];

interface Module {
  file: string;
  /** Other modules of src/ it imports, statically or on demand, as paths relative to src/. */
  imports: string[];
  /** Packages it imports. */
  packages: string[];
}

function modules(): Module[] {
  const files = fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.map((file) => {
    const text = fs.readFileSync(path.join(SRC, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1]!);
    return {
      file: file.replaceAll('\\', '/'),
      imports: specifiers
        .filter((s) => s.startsWith('.'))
        .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file.replaceAll('\\', '/')), s)).replace(/\.js$/, '.ts')),
      packages: specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')),
    };
  });
}

/** Every cycle of the import graph, as the chain of modules that closes it. */
function cycles(graph: Module[]): string[][] {
  const byFile = new Map(graph.map((m) => [m.file, m]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, chain: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      found.push([...chain.slice(chain.indexOf(file)), file]);
      return;
    }
    state.set(file, 'open');
    for (const next of byFile.get(file)?.imports ?? []) visit(next, [...chain, file]);
    state.set(file, 'done');
  };
  for (const m of graph) visit(m.file, []);
  return found;
}

describe('the shape of src/', () => {
  const graph = modules();

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no stage that imports a command or the CLI', () => {
    const upward = graph
      .filter((m) => STAGES.includes(m.file.split('/')[0]!))
      .flatMap((m) => m.imports.filter((i) => /^(commands|cli|batch)\//.test(i)).map((i) => `${m.file} → ${i}`));
    expect(upward).toEqual([]);
  });

  it('has one module per command in src/commands/, and the CLI imports no stage that a command drives', () => {
    expect(graph.filter((m) => m.file.startsWith('commands/')).map((m) => m.file).sort()).toEqual(
      ['analyze', 'batch', 'batch-unit', 'build', 'check', 'export', 'import', 'init', 'status'].map((c) => `commands/${c}.ts`).sort(),
    );
    const cliReach = graph.filter((m) => m.file.startsWith('cli/')).flatMap((m) => m.imports.filter((i) => /^(load|validate|compute|render|emit)\//.test(i)));
    expect(cliReach).toEqual([]);
  });

  it('computes with the one configured Decimal, and writes .docx in emit/ only', () => {
    expect(graph.filter((m) => m.packages.includes('decimal.js')).map((m) => m.file)).toEqual(['decimal.ts']);
    expect(graph.filter((m) => m.packages.includes('docx')).every((m) => m.file.startsWith('emit/'))).toBe(true);
  });

  it('loads the spreadsheet library only in export and import: one module each imports it, and nothing check, build or the CLI imports statically leads there', () => {
    const LIBRARIES = ['write-excel-file/node', 'read-excel-file/node'];
    expect(graph.filter((m) => m.packages.some((p) => LIBRARIES.includes(p))).map((m) => m.file).sort()).toEqual(['spreadsheet/read-workbook.ts', 'spreadsheet/write-workbook.ts']);
    // Static imports only: `import type` is erased, `await import()` runs when a command asks.
    const staticImports = new Map(
      fs
        .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((file) => {
          const text = fs.readFileSync(path.join(SRC, file), 'utf8');
          const specifiers = [...text.matchAll(/^(?:import|export) (?!type )[^;]*? from '(\.[^']+)'/gm)].map((m) => m[1]!);
          const from = file.replaceAll('\\', '/');
          return [from, specifiers.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(from), s)).replace(/\.js$/, '.ts'))];
        }),
    );
    const reach = (start: string): Set<string> => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const next of staticImports.get(file) ?? []) visit(next);
      };
      visit(start);
      return seen;
    };
    for (const start of ['program.ts', 'cli/run.ts', 'commands/check.ts', 'commands/build.ts', 'commands/batch-unit.ts', 'batch/worker.ts']) {
      const reached = [...reach(start)].filter((f) => f === 'spreadsheet/write-workbook.ts' || f === 'spreadsheet/read-workbook.ts');
      expect(reached, start).toEqual([]);
    }
    // export and import do reach them, on demand.
    expect(fs.readFileSync(path.join(SRC, 'commands', 'export.ts'), 'utf8')).toContain("await import('../spreadsheet/write-workbook.js')");
    expect(fs.readFileSync(path.join(SRC, 'commands', 'import.ts'), 'utf8')).toContain("await import('../spreadsheet/read-workbook.js')");
  });
});
