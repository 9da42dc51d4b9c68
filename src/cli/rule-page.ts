import type { RuleMeta } from '../check/rule.js';
import { wrapWords } from '../text/wrap.js';
import { SEVERITY_WORDS } from './print.js';

interface Section {
  heading: string;
  paragraphs: readonly string[];
}

/** The level a rule reports at, and how a project changes it. */
function levelParagraph(meta: RuleMeta): string {
  const level = SEVERITY_WORDS[meta.defaultSeverity];
  if (meta.fixedSeverity) return `Mức: ${level}, không đổi được: ${meta.fixedSeverity}`;
  return `Mức mặc định: ${level}. Đổi cho cả dự án trong \`data/kiem-tra.yaml\`, ví dụ \`${meta.id}: canh_bao\` hay \`${meta.id}: tat\`.`;
}

/**
 * How a finding is accepted, the same for every rule. Accepting with a reason comes as a
 * feature of its own: the page says how it is written, and how to tell whether the installed
 * report reads it, so that it stays true before and after.
 */
function acceptance(meta: RuleMeta): string[] {
  if (meta.fixedSeverity) return ['Không chấp nhận được: báo cáo không in được chỗ này, nên phải sửa.'];
  return [
    'Khi số đã ghi là số phải giữ (ví dụ chép một báo cáo đã ban hành), một phát hiện được chấp nhận bằng một chú thích ở cuối dòng có số bị báo, hoặc một dòng riêng ngay trên nó; lý do là bắt buộc:',
    `\`\`\`yaml\n# kiem-tra-chap-nhan: ${meta.id} -- <lý do>\n\`\`\``,
    `Hoặc chấp nhận mọi phát hiện hiện có một lần: \`report check <kỳ> --accept-all --reason "<lý do>"\` ghi chúng vào \`data/chap-nhan-<kỳ>.yaml\`. ` +
      'Phát hiện đã chấp nhận vẫn được in, kèm chữ "đã chấp nhận" và lý do, nhưng không làm `check` hay `build --strict` thất bại; số liệu đổi thì nó hiện lại. ' +
      'Muốn bỏ qua quy tắc cho mọi số liệu thì hạ mức hay tắt nó trong `data/kiem-tra.yaml`.',
  ];
}

function sections(meta: RuleMeta): Section[] {
  return [
    { heading: 'Kiểm tra gì', paragraphs: meta.page.checks },
    { heading: 'Làm tròn', paragraphs: meta.page.rounding },
    { heading: 'Sửa thế nào', paragraphs: meta.page.fix },
    { heading: 'Chấp nhận', paragraphs: acceptance(meta) },
  ];
}

/** A rule's page in Markdown: SARIF's `help.markdown`. */
export function rulePageMarkdown(meta: RuleMeta): string {
  const body = sections(meta).flatMap(({ heading, paragraphs }) => [`## ${heading}`, ...paragraphs]);
  return `${[`# ${meta.id}`, meta.description, levelParagraph(meta), ...body].join('\n\n')}\n`;
}

const FENCED = /^```\w*\n([\s\S]*?)\n```$/;

/**
 * The page as plain text: SARIF's `help.text`, and with `width` what `report explain` prints,
 * its paragraphs wrapped (list items hang under their dash). Headings in capitals, code indented.
 */
export function rulePageText(meta: RuleMeta, width = Infinity): string {
  const plain = (paragraph: string): string => {
    const code = FENCED.exec(paragraph)?.[1];
    if (code !== undefined) return code.replace(/^/gm, '    ');
    const text = paragraph.replaceAll('`', '');
    if (width === Infinity) return text;
    const item = text.startsWith('- ');
    return wrapWords(item ? text.slice(2) : text, width - (item ? 2 : 0))
      .map((line, i) => (item ? `${i === 0 ? '- ' : '  '}${line}` : line))
      .join('\n');
  };
  const body = sections(meta).map(({ heading, paragraphs }) => [heading.toLocaleUpperCase('vi'), paragraphs.map(plain).join('\n\n')].join('\n'));
  return `${[plain(`${meta.id}: ${meta.description}`), plain(levelParagraph(meta)), ...body].join('\n\n')}\n`;
}
