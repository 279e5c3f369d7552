/** Hands bytes to the browser as a file download (no server round trip). */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `大同2024.xlsx` (or .xls/.et/.ods: the download is .xlsx) → `大同2024-已处理.xlsx`. */
export function outputName(inputName: string): string {
  const base = inputName.replace(/\.(xlsx|xlsm|xls|et|ods)$/i, '') || '预算公开';
  return `${base}-已处理.xlsx`;
}
