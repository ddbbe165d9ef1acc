// DOM helpers. Every piece of text from the API goes through text nodes (never HTML), so hostile
// names and summaries render as the characters they are; the page runs under a strict CSP (no
// inline script or style), which is why nothing here sets style attributes or HTML strings.

/** The element properties h() sets directly: none of them parses markup or runs code. */
const PROPS = new Set(['type', 'id', 'value', 'htmlFor', 'checked', 'selected', 'disabled', 'name',
  'min', 'max', 'step', 'inputMode', 'href', 'rel', 'alt', 'title', 'tabIndex', 'dir', 'open',
  'decoding', 'loading']);

/**
 * Creates an element. `props`: class, text, hidden, on (event -> listener), data (dataset),
 * attrs (attribute -> value, for ARIA and plain attributes); children: nodes, strings (text) or
 * arrays of them; null/false are skipped.
 */
export function h(tag, props, ...children) {
  const e = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = String(v);
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
      else if (k === 'data') Object.assign(e.dataset, v);
      else if (k === 'attrs') for (const [a, av] of Object.entries(v)) { if (av !== null && av !== undefined && av !== false) e.setAttribute(a, String(av)); }
      else if (k === 'hidden') e.hidden = true;
      else if (PROPS.has(k)) e[k] = v;
      else throw new Error('h(): property ' + k + ' is not allowed');
    }
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

/** Replaces the children of `parent`. */
export function fill(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

/** `a, b and c` */
export function joinWords(items) {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
}

const numbers = new Intl.NumberFormat('en');
export const fmt = (n) => numbers.format(n);

/** Polite screen-reader announcement (the status region). */
export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  // a change of text is what assistive technology announces
  setTimeout(() => { region.textContent = text; }, 30);
}
