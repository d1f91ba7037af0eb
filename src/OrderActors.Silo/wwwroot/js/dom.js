// Every element is built here, and every piece of text goes in as a text node: server data is never
// parsed as HTML, so it cannot inject markup. Styles go through the CSSOM (`style` is an object), never
// a style attribute, which the Content-Security-Policy (style-src 'self') refuses.

/**
 * Creates an element. `props`: `class`, `on<event>` handlers, `dataset`, `style` (an object of CSS
 * properties), booleans (`disabled`, `selected`, `hidden`) and any other attribute. Children are nodes,
 * strings, numbers, arrays; null, undefined and false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'style') {
      Object.assign(element.style, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.append(child);
    } else {
      parent.append(document.createTextNode(String(child)));
    }
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}
