/**
 * The files of one year's data folder, in the order their sections appear in the report.
 * Each file is validated by the schema of the same name in schemas/.
 */
export type FileRole = 'document' | 'sector' | 'assessment' | 'directions';

export interface DataFileKind {
  name: string;
  role: FileRole;
}

export const DATA_FILES: readonly DataFileKind[] = [
  { name: 'van-ban', role: 'document' },
  { name: 'kinh-te', role: 'sector' },
  { name: 'giao-thong-xay-dung', role: 'sector' },
  { name: 'tai-nguyen-moi-truong', role: 'sector' },
  { name: 'ngan-sach', role: 'sector' },
  { name: 'giao-duc', role: 'sector' },
  { name: 'y-te-dan-so', role: 'sector' },
  { name: 'van-hoa', role: 'sector' },
  { name: 'lao-dong-tbxh', role: 'sector' },
  { name: 'tu-phap', role: 'sector' },
  { name: 'an-ninh-quoc-phong', role: 'sector' },
  { name: 'cai-cach-hanh-chinh-noi-vu', role: 'sector' },
  { name: 'danh-gia', role: 'assessment' },
  { name: 'phuong-huong', role: 'directions' },
];

export function schemaFileName(kind: DataFileKind): string {
  return `${kind.name}.schema.json`;
}
