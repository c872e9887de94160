/**
 * Test helper: the bytes version 2 writes for a file that version 1 wrote
 * canonically (format.md "Writing"): the same text with the version bumped
 * and an empty `presentation` right after `notes`, nothing else. Edited as
 * text, so key order (integer-like keys too) stays exactly the file's. A
 * version 2 text is returned unchanged, so checked-in files may move to
 * version 2 at any time.
 */
export function canonicalV1AsV2(v1Text: string): string {
  if (!v1Text.includes('\n  "version": 1,\n')) return v1Text;
  const text = v1Text.replace('\n  "version": 1,\n', '\n  "version": 2,\n');
  const start = text.indexOf('\n  "notes": ');
  if (start < 0) return text;
  const afterKey = start + '\n  "notes": '.length;
  const end = text.startsWith('[]', afterKey) ? afterKey + 2 : text.indexOf('\n  ]', start) + '\n  ]'.length;
  return text.slice(0, end) + ',\n  "presentation": {\n    "steps": []\n  }' + text.slice(end);
}
