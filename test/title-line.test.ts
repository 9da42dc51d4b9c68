import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepCompoundsTogether } from '../src/vietnamese/title-line.js';
import { cli, docxPart, editFile, FIXTURES, removeTempFolders, workspaceFrom } from './helpers.js';

/** No-break spaces as ⍽, no-break hyphens as ‑, word joiners as ⁀: what a line breaker sees. */
const shown = (text: string) => text.replaceAll('\u00a0', '⍽').replaceAll('\u2011', '‑').replaceAll('\u2060', '⁀');

describe('the trích yếu keeps its compounds on one line', () => {
  it.each([
    ['kinh tế - xã hội, an ninh - quốc phòng năm 2023', 'kinh⍽tế⍽‑⍽xã⍽hội, an⍽ninh⍽‑⍽quốc⍽phòng năm 2023'],
    // A chain of compounds is one unit; a clause's end stops the binding.
    ['Độc lập - Tự do - Hạnh phúc', 'Độc⍽lập⍽‑⍽Tự⍽do⍽‑⍽Hạnh⍽phúc'],
    ['xã hội, ninh - quốc, phòng', 'xã hội, ninh⍽‑⍽quốc, phòng'],
    // Word turns " - " into an en dash as one types: kept as typed, bound, and no break after it.
    ['năm học 2022 – 2023 của trường', 'năm học⍽2022⍽–⁀⍽2023⍽của trường'],
    ['phòng, chống Covid-19', 'phòng, chống Covid‑19'],
    ['không có gạch nối', 'không có gạch nối'],
  ])('%s', (line, expected) => {
    expect(shown(keepCompoundsTogether(line))).toBe(expected);
  });
});

describe('the data breaks the trích yếu where the clerk wants', () => {
  afterEach(removeTempFolders);

  it('a line of a |- block is a line of the title, in Word and in Markdown', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    editFile(path.join(dir, 'data', '2023', 'van-ban.yaml'), (text) =>
      text.replace(
        /trich_yeu: >-\n.*\n.*\n/,
        'trich_yeu: |-\n  Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội,\n  an ninh - quốc phòng năm {{nam}}\n\n  và phương hướng, nhiệm vụ năm {{nam_sau}}\n',
      ),
    );
    expect((await cli(['build', '2023', '--out', 'a.docx'], dir)).code).toBe(0);
    const xml = docxPart(path.join(dir, 'a.docx'), 'word/document.xml');
    const summary = xml.match(/<w:p>(?:(?!<\/w:p>).)*Tình hình(?:(?!<\/w:p>).)*<\/w:p>/s)![0];
    // One paragraph, its lines parted by Word's line break (Shift+Enter); an empty line adds none.
    expect(summary.match(/<w:br\/>/g)).toHaveLength(2);
    expect(summary).toMatch(/hội,<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r>.*>an\u00a0ninh\u00a0<\/w:t><w:noBreakHyphen\/>/s);
    expect(docxPart(path.join(dir, 'a.docx'), 'docProps/core.xml')).toContain(
      '<dc:title>Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, an ninh - quốc phòng năm 2023 và phương hướng, nhiệm vụ năm 2024</dc:title>',
    );

    expect((await cli(['build', '2023', '--out', 'a.md'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toContain(
      '**Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội,\\\nan ninh - quốc phòng năm 2023\\\nvà phương hướng, nhiệm vụ năm 2024**',
    );
  });
});
