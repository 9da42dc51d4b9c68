import type { ErrorObject } from 'ajv';

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
  if (mustBe && (error.keyword === 'type' || error.keyword === 'pattern')) return `${field} phải là ${mustBe}.`;
  switch (error.keyword) {
    case 'type':
      return `${field} phải là ${String(params.type).split(',').map((t) => TYPE_NAMES.get(t) ?? t).join(', hoặc ')}.`;
    case 'required':
      return `Thiếu khóa "${String(params.missingProperty)}"${field === 'Tệp' ? '' : ` trong "${keyPath(pathSegments(error.instancePath))}"`}. Thêm khóa này.`;
    case 'additionalProperties':
      return `Khóa "${keyPath([...pathSegments(error.instancePath), String(params.additionalProperty)])}" không có trong mẫu dữ liệu. Kiểm tra chính tả, hoặc xóa khóa này (xem data/README.md).`;
    case 'pattern':
    case 'propertyNames':
      return `${field} không hợp lệ: mã chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ tong_thu_ngan_sach).`;
    case 'enum':
      return `${field} phải là một trong: ${(params.allowedValues as unknown[]).join(', ')}.`;
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
      // The schemas forbid a key in two places only: boi_canh outside danh-gia.yaml, formulas on a restatement.
      return pathSegments(error.instancePath).at(-1) === 'boi_canh'
        ? `${field} chỉ dùng trong danh-gia.yaml (các đoạn mở đầu phần A). Chuyển các đoạn này sang đó.`
        : `${field} không dùng cùng nhac_lai: chỉ tiêu nhắc lại lấy giá trị từ chỉ tiêu gốc. Xóa khóa này.`;
    default:
      return `${field} không hợp lệ (${error.keyword}). Xem data/README.md.`;
  }
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
