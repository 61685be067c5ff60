// One transaction of each kind, as a promise the benchmark loop can time.
import { connect, type Socket } from 'node:net';
import type { ProbeConfig } from './protocol.ts';

/** connect, send the request, read the whole response and the server's close. */
export function connectRequestResponse(c: ProbeConfig, request: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = 0;
    const socket = connect({ host: c.host, port: c.port, noDelay: true });
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => void (received += chunk.length));
    socket.on('end', () => {
      socket.destroy();
      if (received >= c.responseBytes) resolve();
      else reject(new Error(`server closed after ${received} of ${c.responseBytes} response bytes`));
    });
    socket.on('error', reject);
  });
}

/** A kept-open connection on which each roundTrip() sends one request and awaits its response. */
export async function openRoundTrips(c: ProbeConfig): Promise<{ roundTrip(): Promise<void>; close(): void }> {
  const socket: Socket = connect({ host: c.host, port: c.port, noDelay: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const request = Buffer.alloc(c.requestBytes, 0x71);
  let received = 0;
  let waiting: { resolve: () => void; reject: (e: Error) => void } | undefined;
  socket.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (waiting && received >= c.responseBytes) {
      received -= c.responseBytes;
      const w = waiting;
      waiting = undefined;
      w.resolve();
    }
  });
  const fail = (e: Error) => waiting?.reject(e);
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('server closed the connection')));
  return {
    roundTrip: () =>
      new Promise<void>((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(request);
      }),
    close: () => socket.destroy(),
  };
}
