/**
 * Saves text as a file through the browser's own download: a Blob behind a temporary object URL
 * and a link with `download`. Nothing goes over the network, and the extension pages' CSP
 * (default-src 'self') does not stand in the way of a download.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by then; some browsers still read the URL just after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
