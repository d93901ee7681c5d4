const MIME: Record<string, string> = {
  yaml: 'application/yaml',
  csv: 'text/csv',
  jsonl: 'application/jsonl',
};

/** Saves text as a file through a temporary object URL and a clicked `a[download]`. */
export function downloadText(fileName: string, extension: string, content: string): void {
  const blob = new Blob([content], { type: `${MIME[extension] ?? 'text/plain'};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.${extension}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
