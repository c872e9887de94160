/**
 * A strict XML 1.0 well-formedness check for the tests, with namespaces:
 * the SVG export must open in any conforming parser, and a hostile label must
 * never be able to add markup. Deliberately stricter than browsers: every
 * character must be an XML Char, `&` only starts a predefined or numeric
 * reference, `]]>` never appears in text, attributes are quoted and unique,
 * tags balance, there is exactly one root, and every prefix used is declared.
 *
 * Returns the list of problems (empty = well-formed) and the elements seen,
 * so tests can also assert on structure without a DOM.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  /** Character data directly inside (CDATA and text, references decoded). */
  text: string;
  readonly children: XmlElement[];
}

export interface XmlCheck {
  readonly errors: string[];
  readonly root: XmlElement | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?/;
// eslint-disable-next-line no-control-regex -- the XML Char production excludes these controls
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeRefs(s: string, where: string, errors: string[]): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf('&', i);
    if (amp < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, amp);
    const semi = s.indexOf(';', amp);
    const ref = semi < 0 ? '' : s.slice(amp + 1, semi);
    if (/^#x[0-9A-Fa-f]+$/.test(ref) || /^#[0-9]+$/.test(ref)) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const ch = cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      if (ch === '' || BAD_CHAR.test(ch) || (cp >= 0xd800 && cp <= 0xdfff)) errors.push(`${where}: reference to a non-character &${ref};`);
      out += ch;
    } else if (ref in PREDEFINED) {
      out += PREDEFINED[ref];
    } else {
      errors.push(`${where}: bare or unknown reference near "${s.slice(amp, amp + 12)}"`);
    }
    i = semi < 0 ? s.length : semi + 1;
  }
  return out;
}

export function checkXml(xml: string): XmlCheck {
  const errors: string[] = [];
  const bad = BAD_CHAR.exec(xml);
  if (bad) errors.push(`character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase()} is not allowed at ${bad.index}`);
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return { errors: [...errors, 'unterminated XML declaration'], root: null };
    i = end + 2;
  }
  const stack: { el: XmlElement; ns: Map<string, string> }[] = [];
  let root: XmlElement | null = null;
  const nsOf = () => stack[stack.length - 1]?.ns ?? new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text !== '') {
      if (text.includes(']]>')) errors.push(`"]]>" in character data at ${i}`);
      const decoded = decodeRefs(text, `text at ${i}`, errors);
      const top = stack[stack.length - 1];
      if (top) top.el.text += decoded;
      else if (decoded.trim() !== '') errors.push(`text outside the root element at ${i}`);
    }
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return { errors: [...errors, `unterminated comment at ${i}`], root };
      if (xml.slice(i + 4, end).includes('--')) errors.push(`"--" inside a comment at ${i}`);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end < 0) return { errors: [...errors, `unterminated CDATA at ${i}`], root };
      const top = stack[stack.length - 1];
      if (top) top.el.text += xml.slice(i + 9, end);
      else errors.push(`CDATA outside the root element at ${i}`);
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) return { errors: [...errors, `unterminated processing instruction at ${i}`], root };
      i = end + 2;
    } else if (xml.startsWith('<!', i)) {
      errors.push(`markup declaration (DOCTYPE/entity) at ${i}: not expected in an export`);
      const end = xml.indexOf('>', i);
      i = end < 0 ? xml.length : end + 1;
    } else if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      const name = m?.[0] ?? '';
      const after = i + 2 + name.length;
      const close = /^\s*>/.exec(xml.slice(after));
      if (!m || !close) return { errors: [...errors, `malformed end tag at ${i}`], root };
      const top = stack.pop();
      if (!top || top.el.name !== name) return { errors: [...errors, `end tag </${name}> does not match <${top?.el.name ?? '(none)'}> at ${i}`], root };
      i = after + close[0].length;
    } else {
      const m = NAME.exec(xml.slice(i + 1));
      if (!m) return { errors: [...errors, `malformed start tag at ${i}`], root };
      const name = m[0];
      let j = i + 1 + name.length;
      const attrs = new Map<string, string>();
      let selfClosing = false;
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(j))?.[0] ?? '';
        j += ws.length;
        if (xml.startsWith('/>', j)) {
          selfClosing = true;
          j += 2;
          break;
        }
        if (xml[j] === '>') {
          j += 1;
          break;
        }
        if (ws === '') return { errors: [...errors, `missing space before attribute in <${name}> at ${j}`], root };
        const an = NAME.exec(xml.slice(j));
        if (!an) return { errors: [...errors, `malformed attribute in <${name}> at ${j}`], root };
        j += an[0].length;
        const eq = /^\s*=\s*(["'])/.exec(xml.slice(j));
        if (!eq) return { errors: [...errors, `attribute ${an[0]} in <${name}> is not quoted at ${j}`], root };
        j += eq[0].length;
        const quote = eq[1] ?? '"';
        const end = xml.indexOf(quote, j);
        if (end < 0) return { errors: [...errors, `unterminated attribute ${an[0]} at ${j}`], root };
        const raw = xml.slice(j, end);
        if (raw.includes('<')) errors.push(`"<" in attribute ${an[0]} of <${name}>`);
        if (attrs.has(an[0])) errors.push(`duplicate attribute ${an[0]} in <${name}>`);
        attrs.set(an[0], decodeRefs(raw, `attribute ${an[0]} of <${name}>`, errors));
        j = end + 1;
      }
      const ns = new Map(nsOf());
      for (const [k, v] of attrs) if (k.startsWith('xmlns:')) ns.set(k.slice(6), v);
      for (const qname of [name, ...[...attrs.keys()].filter((k) => !k.startsWith('xmlns'))]) {
        const colon = qname.indexOf(':');
        if (colon > 0 && !ns.has(qname.slice(0, colon))) errors.push(`undeclared namespace prefix in ${qname}`);
      }
      const el: XmlElement = { name, attrs, text: '', children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.el.children.push(el);
      else if (root) errors.push(`second root element <${name}> at ${i}`);
      else root = el;
      if (!selfClosing) stack.push({ el, ns });
      i = j;
    }
  }
  if (stack.length > 0) errors.push(`unclosed element <${stack[stack.length - 1]?.el.name ?? ''}>`);
  if (!root) errors.push('no root element');
  return { errors, root };
}

/** Every element below (and including) `el`, depth first. */
export function allElements(el: XmlElement | null): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [el];
  for (const c of el.children) out.push(...allElements(c));
  return out;
}
