/** Joins the class names that apply, so conditional NHS modifiers read as one expression. */
export function classes(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
