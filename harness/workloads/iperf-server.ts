// iperf3's server for a measurement. --forceflush, because through a pipe iperf3 block-buffers its
// stdout and "Server listening" would never arrive while the harness waits for it.
export function iperfServer(port: string): { argv: string[]; ready: RegExp } {
  return { argv: ['iperf3', '-s', '-p', port, '--forceflush'], ready: /Server listening/ };
}
