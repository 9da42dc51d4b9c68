/** The formats `report build` writes. Its own module, so that choosing one loads no writer. */
export const OUTPUT_FORMATS = ['docx', 'pdf', 'md'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
