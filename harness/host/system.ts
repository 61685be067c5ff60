// Small facts about the machine the harness runs on.
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export async function which(tool: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(delimiter)) {
    const candidate = join(dir, tool);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

export async function isBpffsMounted(path: string): Promise<boolean> {
  const mounts = await readFile('/proc/self/mounts', 'utf8');
  return mounts.split('\n').some((line) => {
    const [, mountPoint, type] = line.split(' ');
    return mountPoint === path && type === 'bpf';
  });
}

export async function kernelRelease(): Promise<string> {
  return (await readFile('/proc/sys/kernel/osrelease', 'utf8')).trim();
}

/** [major, minor] of a release string such as "6.12.95+deb12-amd64". */
export function kernelVersion(release: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(release);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

export async function readSysctl(key: string): Promise<string> {
  return (await readFile(`/proc/sys/${key.replaceAll('.', '/')}`, 'utf8')).trim();
}
