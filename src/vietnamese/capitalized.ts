/** A text with its first letter made capital, as Vietnamese writes it at a sentence's start ("Năm 2023", "6 tháng…"). */
export function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
