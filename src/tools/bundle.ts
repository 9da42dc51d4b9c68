/**
 * Build step (`npm run build`, after tsc): turns dist/ into the shipped program.
 * - The schemas' validators are generated as code ahead of time (ajv standalone), so that
 *   start-up neither loads ajv nor compiles schemas.
 * - The CLI and the batch worker are bundled by esbuild into dist/report*.js: one file per
 *   entry plus shared chunks, so `check` never parses the .docx writer or Handlebars, which
 *   only the `build` chunk imports.
 * Everything is written directly in dist/, one folder below the package root, as the
 * compiled modules are: package-paths.ts finds schemas/ and templates/ the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build, type Plugin } from 'esbuild';
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

/** Points the validate stage's import of schema-validators.js at the generated module. */
function precompiledValidators(module: string): Plugin {
  return {
    name: 'precompiled-validators',
    setup(bundle) {
      bundle.onResolve({ filter: /\/schema-validators\.js$/ }, (args) =>
        args.importer.startsWith(path.join(DIST, 'validate')) ? { path: module } : undefined,
      );
    },
  };
}

// Chunk names carry a hash: clear the previous build's, so dist/ holds one program.
for (const file of fs.readdirSync(DIST)) if (/^report.*\.js$/.test(file)) fs.rmSync(path.join(DIST, file));

await build({
  entryPoints: { report: path.join(DIST, 'cli', 'run.js'), 'report-worker': path.join(DIST, 'batch', 'worker.js') },
  outdir: DIST,
  chunkNames: 'report-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // The bundled libraries are CommonJS and call require(): give ESM output a real one.
  banner: { js: "import{createRequire as __createRequire}from'node:module';const require=__createRequire(import.meta.url);" },
  plugins: [precompiledValidators(generateValidators())],
  logLevel: 'warning',
});
