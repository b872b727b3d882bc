// The page itself is public; the token stays in this tab's session storage and goes only to this API.
const TOKEN_KEY = 'logsearch.token';

export const prefix = document.documentElement.dataset.prefix;

export function hasToken() {
  return sessionStorage.getItem(TOKEN_KEY) !== null;
}

export function useToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

function headers() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? {Authorization: 'Bearer ' + token} : {};
}

/** An answer other than 2xx, with the problem (RFC 9457) the API sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

async function problemOf(response) {
  const type = response.headers.get('content-type') || '';
  if (type.includes('json')) return response.json();
  return {title: response.status + ' ' + response.statusText, detail: (await response.text()).slice(0, 300)};
}

async function send(url, signal) {
  const response = await fetch(url, {headers: headers(), signal});
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

/** GET of an API path under the plugin's prefix, e.g. {@code /v1/events?size=10}. */
export async function get(path, signal) {
  return (await send(prefix + path, signal)).json();
}

/** GET of a link the API itself handed out (absolute, prefix included). */
export async function follow(href, signal) {
  return (await send(href, signal)).json();
}

/** Saves an export; with a token it must go through fetch, since a plain link cannot send the header. */
export async function download(path, filename) {
  const blob = await (await send(prefix + path)).blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
