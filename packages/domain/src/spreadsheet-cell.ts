/**
 * A text cell of an exported spreadsheet, made inert (OWASP, "CSV Injection"): a cell a spreadsheet
 * would read as a formula (`=`, `+`, `-`, `@` first, or a tab or carriage return) gets a leading
 * apostrophe, so it opens as text. Numbers are not text cells: a count of -5 stays a number.
 */
export function inertCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
