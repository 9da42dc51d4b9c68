import { github } from './github.js';
import { json } from './json.js';
import type { Formatter } from './report.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** By name, in a Map: a name typed on the command line (`--format constructor`) must not find Object's own members. */
export const FORMATS: ReadonlyMap<string, Formatter> = new Map(Object.entries({ stylish, json, github, sarif }));
