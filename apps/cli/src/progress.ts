/** A one-line progress bar on stderr, only when stderr is a terminal (CI logs stay clean). */
export function progressBar(label: string): (done: number, total: number, item?: string) => void {
  const tty = process.stderr.isTTY;
  let last = 0;
  return (done, total, item = '') => {
    if (!tty) return;
    const now = Date.now();
    if (done < total && now - last < 50) return;
    last = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const name = item.length > 40 ? `…${item.slice(-39)}` : item;
    process.stderr.write(`\r${label} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${name.padEnd(40)}`);
    if (done >= total) process.stderr.write('\n');
  };
}
