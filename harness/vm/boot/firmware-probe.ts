// How long the firmware takes to reach its boot line under an accelerator: SeaBIOS, with no disk,
// prints "Booting from ..." on its debug port (0x402) after a few million instructions. A healthy
// KVM gets there in milliseconds, faster than TCG emulates it. Under nested virtualisation without
// hardware help every VM exit is trapped twice, and KVM can be many times slower than TCG: seen
// on this project's machines, 4.7-6.5 s against TCG's 0.3 s, and a Debian kernel that printed 58
// lines of boot log in two minutes. Measured against TCG on the same machine at the same moment,
// so load slows both.
import { execa } from 'execa';
import { QEMU_BINARY } from '../guest/locations.ts';

/** Milliseconds from starting qemu with `-accel <accel>` to SeaBIOS's boot line; undefined if it never came within `limitMs`. */
export async function msToFirmwareBoot(accel: 'kvm' | 'tcg', limitMs: number): Promise<number | undefined> {
  const started = Date.now();
  const qemu = execa(QEMU_BINARY, [
    '-machine', 'pc', '-accel', accel, '-smp', '1', '-m', '64', '-nodefaults', '-no-user-config', '-display', 'none',
    '-chardev', 'stdio,id=fw', '-device', 'isa-debugcon,iobase=0x402,chardev=fw',
  ], { reject: false, timeout: limitMs, stdin: 'ignore', stderr: 'ignore', buffer: false });
  let seen: number | undefined;
  let text = '';
  qemu.stdout?.on('data', (chunk: Buffer) => {
    // Only the tail matters: the boot line, not the whole log (bounded however much it prints).
    text = (text + chunk.toString('latin1')).slice(-256);
    if (seen === undefined && /Booting from/.test(text)) {
      seen = Date.now() - started;
      qemu.kill('SIGKILL');
    }
  });
  await qemu;
  return seen;
}
