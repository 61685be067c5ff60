// The probe's server, started inside the server namespace. It answers every complete request
// with a response of the agreed size; in crr mode it then closes the connection.
import { createServer, type Socket } from 'node:net';
import { READY_LINE, parseProbeArgs, probeConfig, type ProbeConfig } from './protocol.ts';

function serve(c: ProbeConfig, socket: Socket): void {
  socket.setNoDelay(true);
  const response = Buffer.alloc(c.responseBytes, 0x72);
  let pending = 0;
  socket.on('data', (chunk: Buffer) => {
    pending += chunk.length;
    if (c.mode === 'crr') {
      if (pending >= c.requestBytes) socket.end(response);
      return;
    }
    while (pending >= c.requestBytes) {
      pending -= c.requestBytes;
      socket.write(response);
    }
  });
  // A client going away mid-run is the client's failure to report, not a reason to stop serving.
  socket.on('error', () => socket.destroy());
}

const config = probeConfig(parseProbeArgs(process.argv.slice(2)));
const server = createServer((socket) => serve(config, socket));
server.on('error', (err) => {
  process.stderr.write(`probe server: ${err.message}\n`);
  process.exit(1);
});
server.listen({ host: config.host, port: config.port, backlog: 4096 }, () => {
  process.stdout.write(`${READY_LINE} on ${config.host}:${config.port} (${config.mode})\n`);
});
