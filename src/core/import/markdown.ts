/** Writing text as Markdown that reads back as the same text. */

/** Escapes what Markdown would read as markup in running text. */
export function inline(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([*_`<[\]])/g, '\\$1')
    .replace(/^(#{1,6}\s|>|[-+]\s|=+\s*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(\s|$)/, '$1\\$2$3');
}

/** An HTML comment (ignored by every reader) marking a place to review. */
export function reviewComment(message: string): string {
  return `<!-- govmark import: check ${message.replace(/--+/g, '–').replace(/>/g, '›')} -->`;
}
