// The kernel build options that decide how far the CPU figures can be trusted (tick-sampled or
// precise accounting, timer rate) and which datapaths exist, read from /proc/config.gz or
// /boot/config-<release>. Missing on kernels built without either: then nothing is recorded.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

export const RECORDED_CONFIG = [
  'CONFIG_HZ', 'CONFIG_NO_HZ_IDLE', 'CONFIG_NO_HZ_FULL', 'CONFIG_TICK_CPU_ACCOUNTING', 'CONFIG_VIRT_CPU_ACCOUNTING_GEN', 'CONFIG_IRQ_TIME_ACCOUNTING',
  'CONFIG_PREEMPT', 'CONFIG_PREEMPT_VOLUNTARY', 'CONFIG_PREEMPT_DYNAMIC', 'CONFIG_NETKIT', 'CONFIG_BPF_JIT_ALWAYS_ON',
];

/** Each recorded option's value, "n" when the config says it is not set. */
export function pickConfig(text: string, names: readonly string[] = RECORDED_CONFIG): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const set = /^(CONFIG_\w+)=(.*)$/.exec(line);
    const unset = /^# (CONFIG_\w+) is not set$/.exec(line);
    const [name, value] = set ? [set[1]!, set[2]!] : unset ? [unset[1]!, 'n'] : [];
    if (name && names.includes(name)) out[name] = value!;
  }
  return out;
}

export async function kernelConfig(release: string): Promise<Record<string, string> | undefined> {
  const text = await readFile('/proc/config.gz').then((gz) => gunzipSync(gz).toString('utf8'), () => readFile(`/boot/config-${release}`, 'utf8').catch(() => undefined));
  return text === undefined ? undefined : pickConfig(text);
}
