/**
 * What a command may touch of the process, handed in by bin/report.cjs (the only module that
 * touches `process`): the streams, the working folder, the environment.
 */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The environment variables the CLI reads: GITHUB_STEP_SUMMARY, SOURCE_DATE_EPOCH, and for --format pdf REPORT_SOFFICE, PATH and the Program Files folders. */
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: batch progress is then a bar, else plain lines. */
  isTTY?: boolean;
}
