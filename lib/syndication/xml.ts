// XML text that is always well-formed: characters XML 1.0 forbids (most control characters,
// lone surrogates, U+FFFE/U+FFFF) are dropped, and markup characters are escaped.

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drops the characters XML 1.0 cannot carry, whatever their escaping. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** Escaped for element content and attribute values alike. */
export function xmlEscape(text: string): string {
  return xmlSafe(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}
