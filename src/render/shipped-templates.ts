import type { TemplateLine } from './body.js';

/**
 * The shipped templates as `npm run build` compiled them: the key of their names and texts (as
 * templates.ts keys a folder), the template line of each line mark, and each file's compiled
 * Handlebars spec. A project that keeps the shipped templates then neither parses nor compiles
 * them. The CLI bundle replaces this module with one that holds them (src/tools/bundle.ts); run
 * from source, there are none, and the templates are compiled when first used.
 */
export interface PrecompiledTemplates {
  key: string;
  lines: TemplateLine[];
  specs: Record<string, object>;
}

export function precompiledTemplates(): PrecompiledTemplates | undefined {
  return undefined;
}
