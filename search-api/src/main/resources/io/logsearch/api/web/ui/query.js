/**
 * The search is the page's own query string, with the API's parameter names, so a URL can be
 * shared and the back button steps through earlier searches.
 */

export const FILTERS = ['q', 'window', 'startDate', 'endDate', 'eventType', 'success', 'source', 'category',
  'userId', 'organizationId', 'appId', 'requestId', 'clientIp', 'exclude'];
/** The filters {@code exclude=<name>:<value>} can negate. */
export const EXCLUDABLE = ['eventType', 'source', 'category', 'userId', 'organizationId', 'appId', 'requestId'];
/** The filters a chip stands for; the free text and the time range have their own controls. */
export const CHIPS = ['eventType', 'success', 'source', 'category', 'userId', 'organizationId', 'appId', 'requestId', 'clientIp', 'exclude'];
export const LABELS = {eventType: 'event type', success: 'outcome', source: 'source', category: 'category',
  userId: 'user id', organizationId: 'organization', appId: 'app id', requestId: 'request id', clientIp: 'client IP'};
const SINGLE = new Set(['q', 'window', 'startDate', 'endDate', 'success']);

export function current() {
  const all = new URLSearchParams(location.search);
  const search = new URLSearchParams();
  for (const [name, value] of all) if (FILTERS.includes(name) && value !== '') search.append(name, value);
  return search;
}

export function navigate(search) {
  const query = search.toString();
  history.pushState(null, '', location.pathname + (query ? '?' + query : ''));
  dispatchEvent(new Event('search'));
}

/** The search with {@code name=value} added (or, for a single-valued filter, set). */
export function withFilter(search, name, value) {
  const next = new URLSearchParams(search);
  if (SINGLE.has(name)) next.delete(name);
  if (!next.getAll(name).includes(value)) next.append(name, value);
  return next;
}

/** The search leaving out events whose {@code name} is {@code value}, and no longer asking for them. */
export function excluding(search, name, value) {
  return withFilter(withoutFilter(search, name, value), 'exclude', name + ':' + value);
}

export function withoutFilter(search, name, value) {
  const next = new URLSearchParams();
  for (const [n, v] of search) if (!(n === name && v === value)) next.append(n, v);
  return next;
}

export function withRange(search, start, end) {
  const next = new URLSearchParams(search);
  next.delete('window');
  next.delete('startDate');
  next.delete('endDate');
  if (start) next.set('startDate', start);
  if (end) next.set('endDate', end);
  return next;
}

export function withWindow(search, window) {
  const next = withRange(search);
  if (window) next.set('window', window);
  return next;
}

/** The API query for this search plus endpoint parameters, starting with {@code ?}. */
export function api(search, extra = {}) {
  const query = new URLSearchParams(search);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return '?' + query.toString();
}
