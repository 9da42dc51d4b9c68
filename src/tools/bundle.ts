/**
 * Build step (`npm run build`, after tsc): turns dist/ into the shipped program.
 * - The schemas' validators are generated as code ahead of time (ajv standalone), so that
 *   start-up neither loads ajv nor compiles schemas; the shipped unit table and templates go in
 *   read, checked and compiled.
 * - The program (src/program.ts: the CLI and the batch worker's loop) is bundled by esbuild
 *   into one file, dist/report.cjs, and given a V8 code cache (code-cache.ts).
 * Everything is written directly in dist/, one folder below the package root, as the
 * compiled modules are: package-paths.ts finds schemas/ and templates/ the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build, type Plugin } from 'esbuild';
import { writeCodeCache } from './code-cache.js';
import { shippedUnitEntries } from '../validate/shipped-units.js';
import { precompileTemplates } from '../render/templates.js';
import { DEFAULT_TEMPLATES_DIR } from '../package-paths.js';
import { schemaAjv, schemaFiles } from '../validate/schema-validators.js';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = path.join(DIST, 'generated');

/** Writes the validators as code, and a module with the same export as validate/schema-validators.ts. */
function generateValidators(): string {
  fs.mkdirSync(GENERATED, { recursive: true });
  const files = schemaFiles();
  const code = standaloneCode.default(schemaAjv(), Object.fromEntries(files.map((file) => [file, file])));
  fs.writeFileSync(path.join(GENERATED, 'schema-validators.cjs'), code);
  const module = path.join(GENERATED, 'schema-validators.js');
  fs.writeFileSync(
    module,
    `import validators from './schema-validators.cjs';\nexport function schemaValidators() { return new Map(Object.entries(validators)); }\n`,
  );
  return module;
}

/** Writes a module with the same export as validate/shipped-units.ts that holds the table read and checked. */
function generateShippedUnits(): string {
  const table = shippedUnitEntries();
  if (table.problems.length > 0) throw new Error(`schemas/don-vi.yaml: ${table.problems.map((p) => `${p.place.line}:${p.place.col} ${p.message}`).join('; ')}`);
  fs.mkdirSync(GENERATED, { recursive: true });
  const module = path.join(GENERATED, 'shipped-units.js');
  fs.writeFileSync(module, `export function shippedUnitEntries() { return ${JSON.stringify(table)}; }\n`);
  return module;
}

/** Writes a module with the same export as render/shipped-templates.ts that holds the shipped templates compiled. */
function generateShippedTemplates(): string {
  fs.mkdirSync(GENERATED, { recursive: true });
  const { key, lines, specSources } = precompileTemplates(DEFAULT_TEMPLATES_DIR);
  const specs = Object.entries(specSources).map(([file, source]) => `${JSON.stringify(file)}: ${source}`);
  const module = path.join(GENERATED, 'shipped-templates.js');
  fs.writeFileSync(
    module,
    `export function precompiledTemplates() { return { key: ${JSON.stringify(key)}, lines: ${JSON.stringify(lines)}, specs: { ${specs.join(', ')} } }; }\n`,
  );
  return module;
}

/** Points the imports of `name` (a module of dist/) at a generated module in its place. */
function generatedInstead(name: string, module: string): Plugin {
  return {
    name: `generated-${name}`,
    setup(bundle) {
      bundle.onResolve({ filter: new RegExp(`/${name}\\.js$`) }, (args) =>
        args.importer.startsWith(DIST) && !args.importer.startsWith(GENERATED) ? { path: module } : undefined,
      );
    },
  };
}

// Earlier builds wrote ES module chunks (dist/report*.js): clear them, so dist/ holds one program.
for (const file of fs.readdirSync(DIST)) if (/^report.*\.(c?js|cache)$/.test(file)) fs.rmSync(path.join(DIST, file));

/**
 * The spreadsheet library, with the two modules that use it, goes into files of its own next
 * to the bundle, which `report export` and `report import` require when they run: check and
 * build neither run nor even parse it.
 */
const SPREADSHEET_CHUNKS: Record<string, string> = { 'write-workbook.js': 'report-xlsx-write.cjs', 'read-workbook.js': 'report-xlsx-read.cjs' };

function spreadsheetChunks(): Plugin {
  return {
    name: 'spreadsheet-chunks',
    setup(bundle) {
      bundle.onResolve({ filter: /\/spreadsheet\/(write|read)-workbook\.js$/ }, (args) => ({ path: `./${SPREADSHEET_CHUNKS[path.basename(args.path)]!}`, external: true }));
    },
  };
}

for (const [module, chunk] of Object.entries(SPREADSHEET_CHUNKS)) {
  await build({
    entryPoints: [path.join(DIST, 'spreadsheet', module)],
    outfile: path.join(DIST, chunk),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
}

const BUNDLE = path.join(DIST, 'report.cjs');
await build({
  entryPoints: [path.join(DIST, 'program.js')],
  outfile: BUNDLE,
  bundle: true,
  // CommonJS, not ES modules: only a CommonJS script can be given a V8 code cache on Node 20.
  // Its modules that commands import on demand (the .docx writer, Handlebars) are still only
  // run when a command needs them.
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  plugins: [
    generatedInstead('schema-validators', generateValidators()),
    generatedInstead('shipped-units', generateShippedUnits()),
    generatedInstead('shipped-templates', generateShippedTemplates()),
    spreadsheetChunks(),
  ],
  // An import() on demand of a chunk becomes a require(): the bundle runs in a vm.Script, which has no import().
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});
await writeCodeCache(BUNDLE);
