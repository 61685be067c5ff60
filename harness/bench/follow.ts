// Follows a growing file (the guest's console log) and hands over complete new lines, so a VM
// run shows its progress on the host's terminal as a native run does.
import { open } from 'node:fs/promises';

export function followFile(path: string, onLine: (line: string) => void, intervalMs = 500): { stop: () => Promise<void> } {
  let offset = 0;
  let partial = '';
  let stopped = false;
  const readNew = async () => {
    const file = await open(path, 'r').catch(() => undefined);
    if (!file) return;
    try {
      const { size } = await file.stat();
      if (size <= offset) return;
      const buffer = Buffer.alloc(size - offset);
      await file.read(buffer, 0, buffer.length, offset);
      offset = size;
      const lines = (partial + buffer.toString('utf8')).split(/\r?\n|\r/);
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    } finally {
      await file.close();
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await readNew();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    await readNew();
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
