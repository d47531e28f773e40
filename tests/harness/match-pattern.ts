/**
 * A manifest match pattern ("https://host/path*") read as Chrome and Firefox read it: the scheme,
 * the host exactly, and the path as a glob where `*` is any run of characters, matched against the
 * URL's path and query together. For the tests that tie the manifest to the step table.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parts = /^(https):\/\/([^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`not a pattern these tests read: ${pattern}`);
  const [, scheme, host, path] = parts;
  const glob = new RegExp(
    `^${path!
      .split('*')
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return url.protocol === `${scheme}:` && url.hostname === host && glob.test(url.pathname + url.search);
}

export function matchedByAny(patterns: readonly string[], url: URL): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, url));
}
