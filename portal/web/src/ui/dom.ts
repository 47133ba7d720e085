// Small DOM helpers. Everything the page shows from a bundle, a log or a chain is untrusted text:
// it goes into the document through textContent and attributes only, never as HTML.

type Child = Node | string | null | undefined | false;

/** Creates an element with attributes (strings; `true` sets an empty attribute) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) {
      element.setAttribute(name, '');
    } else if (typeof value === 'string') {
      element.setAttribute(name, value);
    }
  }
  append(element, ...children);
  return element;
}

/** Appends children, skipping empty ones; strings become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of `element`. */
export function clear(element: Element): void {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
}

/** A definition list of label/value pairs; values are shown as code when `code` is set. */
export function pairs(rows: Array<[string, string]>, code = true): HTMLDListElement {
  const list = el('dl', { class: 'pairs' });
  for (const [label, value] of rows) {
    append(list, el('dt', {}, label), el('dd', {}, code ? el('code', {}, value) : value));
  }
  return list;
}
