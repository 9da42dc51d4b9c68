/**
 * The words of `{{...}}` references in data texts: `{{tang_giam san_luong}}`, `{{nam}}`.
 * Validation keeps figure keys clear of them; rendering gives them their meaning.
 */
export const HELPER_WORDS = ['so', 'tang_giam', 'muc_tang_giam', 'chenh_lech', 'dat_ke_hoach', 'ke_hoach', 'cung_ky'] as const;
export type HelperWord = (typeof HELPER_WORDS)[number];

export const YEAR_WORDS = ['nam', 'nam_truoc', 'nam_sau'] as const;
export type YearWord = (typeof YEAR_WORDS)[number];

export const RESERVED_WORDS: readonly string[] = [...HELPER_WORDS, ...YEAR_WORDS];
