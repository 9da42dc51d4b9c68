/**
 * Makes a data text literal Markdown: every ASCII punctuation mark gets a backslash, which
 * CommonMark turns back into the mark itself, so "- Trồng trọt", "* Công tác" or "1." at the
 * start of a paragraph stay text. Runs of whitespace (line folds) become one space.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
