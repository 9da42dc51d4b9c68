import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll } from 'vitest';
import { run } from '../src/cli/run.js';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(PROJECT, 'test', 'fixtures');

/** The folders this test file made in the system's temporary folder: removed after its last test. */
const madeFolders: string[] = [];
afterAll(removeTempFolders);

/** Removes the folders made until now: after all of a file's tests, or in a suite's afterEach. */
export function removeTempFolders(): void {
  for (const dir of madeFolders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh, empty folder in the system's temporary folder, removed when the test file is done. */
export function tempFolder(prefix = 'report-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeFolders.push(dir);
  return dir;
}

/** A fresh folder laid out as a project: data/ copied from `from` (a project-like folder). */
export function workspaceFrom(from: string, withTemplates = false): string {
  const dir = tempFolder();
  fs.cpSync(path.join(from, 'data'), path.join(dir, 'data'), { recursive: true });
  if (withTemplates) fs.cpSync(path.join(PROJECT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as bin/report.cjs does, in folder `cwd`. */
export async function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env });
  return { code, stdout, stderr };
}

export function editFile(file: string, edit: (text: string) => string): void {
  const before = fs.readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit changed nothing in ${file}`);
  fs.writeFileSync(file, after);
}

/** The body text of a .docx, as Word shows it (paragraphs separated by blank lines). */
export async function docxText(file: string): Promise<string> {
  return (await mammoth.extractRawText({ path: file })).value;
}

/** One XML part of a .docx, e.g. `word/document.xml`. */
export function docxPart(file: string, part: string): string {
  const entries = unzipSync(fs.readFileSync(file));
  const entry = entries[part];
  if (!entry) throw new Error(`${part} not in ${file}`);
  return strFromU8(entry);
}

/** Whether a command is on PATH: the tests that need LibreOffice or poppler skip without them. */
export function installed(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every file under a folder, by relative path, as bytes. */
export function snapshot(folder: string): Map<string, Buffer> {
  const files = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(folder, f)).isFile());
  return new Map(files.sort().map((f) => [f.replaceAll('\\', '/'), fs.readFileSync(path.join(folder, f))]));
}

/** The files whose bytes differ between two snapshots (added and removed ones too). */
export function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => !before.get(n) || !after.get(n) || !before.get(n)!.equals(after.get(n)!)).sort();
}
