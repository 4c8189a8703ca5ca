// Saves a Blob as a file through a temporary link: works offline and needs no permission prompt.

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "batchnorm-lab_epochs-2_lr-0.01" from "epochs=2&lr=0.01", so a saved file says which run it holds. */
export function fileStem(query: string): string {
  const safe = query
    .replace(/=/g, '-')
    .replace(/&/g, '_')
    .replace(/[^A-Za-z0-9._-]/g, '');
  return safe ? `batchnorm-lab_${safe}` : 'batchnorm-lab';
}
