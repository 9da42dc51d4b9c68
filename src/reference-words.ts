/**
 * The words of `{{...}}` references in data texts: `{{tang_giam san_luong}}`, `{{nam}}`, `{{ky}}`.
 * Validation keeps figure keys clear of them; rendering gives them their meaning.
 */
export const HELPER_WORDS = [
  'so',
  'tang_giam',
  'muc_tang_giam',
  'chenh_lech',
  'dat_ke_hoach',
  'vuot_ke_hoach',
  'chenh_lech_ke_hoach',
  'ke_hoach',
  'cung_ky',
] as const;
export type HelperWord = (typeof HELPER_WORDS)[number];

/** Words a text can print on their own: the years and periods of the report, the issuing body's short name. */
export const CONTEXT_WORDS = ['nam', 'nam_truoc', 'nam_sau', 'ky', 'ky_sau', 'ky_in_hoa', 'ky_sau_in_hoa', 'ten_goi'] as const;
export type ContextWord = (typeof CONTEXT_WORDS)[number];

export const RESERVED_WORDS: readonly string[] = [...HELPER_WORDS, ...CONTEXT_WORDS];

/** How a figure key is written (the schemas' pattern): small letters without marks, digits and _, a letter first. */
export const FIGURE_KEY = /^[a-z][a-z0-9_]*$/;
