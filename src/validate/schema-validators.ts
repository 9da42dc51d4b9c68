import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { SCHEMAS_DIR } from '../package-paths.js';

/**
 * The schemas of schemas/ in one ajv instance, keyed by file name ($id). The CLI bundle
 * replaces this module with code generated ahead of time from the same instance
 * (src/tools/bundle.ts), so the shipped program neither loads ajv nor compiles at start-up.
 */
export function schemaAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true } });
  addFormats.default(ajv, ['date']);
  for (const file of schemaFiles()) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')));
  return ajv;
}

export function schemaFiles(): string[] {
  return fs.readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'));
}

/** Every schema's validator, by schema file name. */
export function schemaValidators(): Map<string, ValidateFunction> {
  const ajv = schemaAjv();
  return new Map(schemaFiles().map((file) => [file, ajv.getSchema(file)!]));
}
