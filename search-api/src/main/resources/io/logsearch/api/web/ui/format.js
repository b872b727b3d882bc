/** Small DOM and formatting helpers shared by the page's parts. */

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.filter(c => c !== undefined && c !== null));
  return node;
}

const NUMBER = new Intl.NumberFormat('en-US');
export const count = n => NUMBER.format(n);

/** {@code 2024-05-01T10:00:00.123Z} as {@code 2024-05-01 10:00:00.123}: UTC, sortable, no locale surprises. */
export function time(iso) {
  return typeof iso === 'string' ? iso.replace('T', ' ').replace(/Z$/, '') : '';
}

/** The value at a dotted path of an ECS document: {@code at(e, 'user.id')}. */
export function at(document, path) {
  if (path in document) return document[path];
  return path.split('.').reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), document);
}

/** Every leaf of a document as [dotted path, value], arrays of scalars kept whole. */
export function leaves(document, path = '', out = []) {
  for (const [key, value] of Object.entries(document)) {
    const name = path ? path + '.' + key : key;
    const scalars = Array.isArray(value) && value.every(v => v === null || typeof v !== 'object');
    if (value && typeof value === 'object' && !scalars) leaves(value, name, out);
    else out.push([name, value]);
  }
  return out;
}

/** Milliseconds of a histogram interval such as {@code 5m}, {@code 1h} or {@code 30d}. */
export function intervalMillis(interval) {
  const match = /^(\d+)([smhd])$/.exec(interval);
  if (!match) throw new Error('unknown histogram interval ' + interval);
  return Number(match[1]) * {s: 1e3, m: 6e4, h: 36e5, d: 864e5}[match[2]];
}
