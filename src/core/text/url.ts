// Web addresses compared as the same article: a draft's link and a reference's `url` match when
// they differ only in what does not change the page (scheme, `www.`, case of the host, a trailing
// slash, the fragment, tracking parameters). Parsed with the WHATWG URL class, never by pattern.

/**
 * Query parameters that only track where a reader came from (ad and newsletter click ids), dropped
 * before comparing. `utm_*` is matched by prefix. Parameters that can select content (`ref`, `id`,
 * `page`, `s`) are kept: dropping one could make two different pages look the same.
 */
const TRACKING = new Set(['fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', 'mkt_tok', 'cmpid', 'ref_src', 'oly_anon_id', 'oly_enc_id', 'vero_id', '__s']);

/** True for a query parameter name that only tracks a click (`utm_source`, `fbclid`, `mc_eid`). */
export function isTrackingParameter(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
}

/**
 * The address of a web page in a form that two links to the same article share, or undefined when
 * `raw` is no http(s) address (a relative link, `mailto:`, `javascript:`, text that does not parse).
 *
 * Rules: `http` and `https` are one scheme (written `https:`); the host is lower case, without a
 * leading `www.` or a default port; user name and password are dropped; the path keeps its case,
 * loses a trailing slash (`/a/` → `/a`, `/` → ``); tracking parameters (see isTrackingParameter)
 * are dropped and the rest sorted by name (stable, so repeated names keep their order); the fragment
 * (`#section`) is dropped. `www.site.org/a` and `//site.org/a` (no scheme) are read as https.
 * Never throws.
 */
export function normalizeUrl(raw: string): string | undefined {
  let s = raw.trim();
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  if (!s || /\s/.test(s)) return undefined;
  if (s.startsWith('//')) s = `https:${s}`;
  else if (/^www\./i.test(s)) s = `https://${s}`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname.replace(/^www\./, '').replace(/\.$/, '');
  if (!host) return undefined;
  const port = u.port && !((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) ? `:${u.port}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  const params = [...u.searchParams].filter(([name]) => !isTrackingParameter(name));
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${host}${port}${path}${query}`;
}

/** True when both are http(s) addresses of the same page by normalizeUrl's rules. */
export function sameUrl(a: string, b: string): boolean {
  const x = normalizeUrl(a);
  return x !== undefined && x === normalizeUrl(b);
}
