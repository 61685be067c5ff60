// Servers kept for a whole build instead of started and stopped for each measurement. Under the
// instruction clock a process start is ~3e7 guest instructions, and netserver, iperf3 -s and
// sockperf server each serve one test after another (netserver -f, iperf3 -s, sockperf's loop),
// so the repetitions of a build share one server per command. A server that exited, or whose
// measurement failed, is stopped and started afresh next time. The matrix stops them all before
// the build's teardown (bench/matrix.ts).
import type { RunningServer } from './server.ts';

export interface ServerKeeper {
  /** The running server of this command (namespace, pinning and argv), started by `start` if there is none or it exited. */
  get(key: string, start: () => Promise<RunningServer>): Promise<RunningServer>;
  /** Stops and forgets one: after a failed measurement its state is unknown. */
  drop(key: string): Promise<void>;
  stopAll(): Promise<void>;
}

export function serverKeeper(): ServerKeeper {
  const running = new Map<string, RunningServer>();
  const drop = async (key: string) => {
    const s = running.get(key);
    running.delete(key);
    await s?.stop();
  };
  return {
    async get(key, start) {
      const s = running.get(key);
      if (s && s.process.exitCode === null) return s;
      await drop(key);
      const started = await start();
      running.set(key, started);
      return started;
    },
    drop,
    async stopAll() {
      for (const key of [...running.keys()]) await drop(key);
    },
  };
}
