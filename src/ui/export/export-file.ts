/**
 * Saves data as a file the user downloads: one helper for every export (GeoJSON, CSV, PNG, a
 * set-aside record). Works offline; nothing leaves the machine.
 *
 * @example exportFile('green-spaces.geojson', 'application/geo+json', JSON.stringify(fc));
 */
export function exportFile(
  name: string,
  mime: string,
  data: string | Blob | ArrayBuffer | Uint8Array<ArrayBuffer>,
): void {
  const blob = data instanceof Blob ? data : new Blob([data], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; give slow browsers a moment before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A data: URL (as from canvas.toDataURL) as a Blob, for exportFile. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body] = dataUrl.split(',', 2);
  const mime = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}

/** Today as YYYY-MM-DD, for file names. */
export function dateStamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
