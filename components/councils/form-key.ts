/**
 * React resets a form after its action; a select keeps the option it was first rendered with. Keying
 * the form on the values to show remounts it, so every control shows what was last typed or saved.
 */
export function formKey(values: Record<string, string>): string {
  return JSON.stringify(values);
}
