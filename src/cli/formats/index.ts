import { github } from './github.js';
import { json } from './json.js';
import type { Formatter } from './report.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATS: Record<string, Formatter> = { stylish, json, github, sarif };
