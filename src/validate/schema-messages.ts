import type { ErrorObject } from 'ajv';
import { closestWord } from '../text/closest-word.js';
import { strayPartOfNumber } from '../vietnamese/number.js';
import { PERCENT_KEYS } from './read-number.js';
import { FIGURE_KEY } from '../reference-words.js';

const TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['number', 'một số'],
  ['integer', 'một số nguyên'],
  ['string', 'một đoạn chữ'],
  ['object', 'một khối các khóa (khóa: giá trị)'],
  ['array', 'một danh sách (mỗi dòng bắt đầu bằng "- ")'],
  ['boolean', 'true hoặc false'],
]);

/** A Vietnamese sentence for one ajv error: what is wrong, and what to write instead. */
export function schemaMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const field = fieldName(error.instancePath);
  // A schema that says in words what its value must be (a number, written either way) says it for any mismatch.
  const mustBe = (error.parentSchema as { phai_la?: string } | undefined)?.phai_la;
  if (mustBe && (error.keyword === 'type' || error.keyword === 'pattern')) return `${field} phải là ${mustBe}.${strayPartAdvice(error)}`;
  switch (error.keyword) {
    case 'type':
      return `${field} phải là ${String(params.type).split(',').map((t) => TYPE_NAMES.get(t) ?? t).join(', hoặc ')}.`;
    case 'required':
      return `Thiếu khóa "${String(params.missingProperty)}"${field === 'Tệp' ? '' : ` trong "${keyPath(pathSegments(error.instancePath))}"`}. Thêm khóa này.`;
    case 'additionalProperties': {
      const key = keyPath([...pathSegments(error.instancePath), String(params.additionalProperty)]);
      const hint = suggestedKey(error);
      return hint
        ? `Khóa "${key}" không có trong mẫu dữ liệu. Có phải là "${hint}"? Sửa thành ${hint}.`
        : `Khóa "${key}" không có trong mẫu dữ liệu. Kiểm tra chính tả, hoặc xóa khóa này (xem data/README.md).`;
    }
    case 'propertyNames': {
      const plain = suggestedKey(error);
      return `Mã "${String(params.propertyName)}" trong "${keyPath(pathSegments(error.instancePath))}" không hợp lệ: ${KEY_RULE}${plain ? ` Viết ${plain}.` : ''}`;
    }
    case 'pattern':
      return `${field} không hợp lệ: ${KEY_RULE}`;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof error.data === 'string' ? closestWord(error.data, allowed) : undefined;
      return `${field} phải là một trong: ${allowed.join(', ')}.${hint ? ` Có phải là "${hint}"?` : ''}`;
    }
    case 'minLength':
      return `${field} không được để trống.`;
    case 'minItems':
      return `${field} cần ít nhất ${String(params.limit)} phần tử.`;
    case 'maxItems':
      return `${field} có nhiều nhất ${String(params.limit)} phần tử.`;
    case 'minimum':
      return `${field} phải từ ${String(params.limit)} trở lên.`;
    case 'maximum':
      return `${field} phải từ ${String(params.limit)} trở xuống.`;
    case 'format':
      return params.format === 'date'
        ? `${field} phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2023-12-05.`
        : `${field} không đúng định dạng ${String(params.format)}.`;
    case 'oneOf':
    case 'anyOf':
      return `${field} không đúng dạng. ${(error.parentSchema as { thong_bao?: string } | undefined)?.thong_bao ?? 'Xem data/README.md.'}`;
    case 'false schema':
      // The schemas forbid a key in one place only: a formula on a restatement.
      return `${field} không dùng cùng nhac_lai: chỉ tiêu nhắc lại lấy giá trị từ chỉ tiêu gốc. Xóa khóa này.`;
    default:
      return `${field} không hợp lệ (${error.keyword}). Xem data/README.md.`;
  }
}

/** For a number typed with a % or a unit after it: what to remove, and where the unit goes instead. */
function strayPartAdvice(error: ErrorObject): string {
  const stray = typeof error.data === 'string' ? strayPartOfNumber(error.data) : undefined;
  if (!stray) return '';
  const key = pathSegments(error.instancePath).at(-1) ?? '';
  const where =
    stray.remove === 'dấu %'
      ? PERCENT_KEYS.has(key)
        ? ` (${key} luôn tính bằng %)`
        : ' (đơn vị % ghi ở don_vi)'
      : stray.remove.startsWith('chữ')
        ? ' (đơn vị ghi ở don_vi)'
        : '';
  return ` Bỏ ${stray.remove}: viết ${stray.write}${where}.`;
}

const KEY_RULE = 'mã chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ tong_thu_ngan_sach).';

/**
 * For a key the schema does not allow: the key it was most likely meant to be, an allowed key
 * it misspells (gia_tr → gia_tri) or, for a figure key typed with accents, the key unaccented.
 */
export function suggestedKey(error: ErrorObject): string | undefined {
  if (error.keyword === 'propertyNames') return unaccentedKey(String(error.params.propertyName));
  if (error.keyword !== 'additionalProperties') return undefined;
  const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  return closestWord(String(error.params.additionalProperty), allowed);
}

/** A key typed with accents or spaces, as a key is written: `Số hộ` → so_ho. Undefined when that is no key either. */
function unaccentedKey(key: string): string | undefined {
  const plain = key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');
  return FIGURE_KEY.test(plain) ? plain : undefined;
}

/** The key path a clerk can follow in the file: `chi_tieu › tong_thu › gia_tri`, `noi_dung › đoạn 4`. */
export function keyPath(segments: string[]): string {
  return segments.map((segment) => (/^\d+$/.test(segment) ? `mục thứ ${Number(segment) + 1}` : segment)).join(' › ');
}

function pathSegments(instancePath: string): string[] {
  return instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function fieldName(instancePath: string): string {
  const segments = pathSegments(instancePath);
  if (segments.length === 0) return 'Tệp';
  return /^\d+$/.test(segments.at(-1)!) ? `Phần tử "${keyPath(segments)}"` : `Khóa "${keyPath(segments)}"`;
}
