/**
 * The reminder offsets as the options page writes them: "14, 7, 3, 1". Whether each number is in
 * range is the store's rule (saveSettings); here only the shape of the text is checked.
 */
export function parseOffsetsText(text: string): number[] | null {
  const items = text.split(/[\s,;]+/).filter((item) => item !== '');
  return items.every((item) => /^\d{1,4}$/.test(item)) ? items.map(Number) : null;
}

export function formatOffsets(offsets: readonly number[]): string {
  return offsets.join(', ');
}
