export function buildUrl(base, path) {
  return `${base.replace(/\/$/, '')}${path}`;
}

export function parseJson(text) {
  return JSON.parse(text);
}

export function sleep(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
