import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listensOn } from '../../../harness/workloads/listening.ts';

// Captured in a namespace: netserver -D -p 12865 (listens on ::, tcp6) and iperf3 -s -B 127.0.0.1
// -p 5201 with one client connected from port 51490 (tcp).
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const tcp = fixture('proc-net-tcp-iperf3-connected.txt');
const tcp6 = fixture('proc-net-tcp6-netserver.txt');

test('listensOn: a LISTEN socket on the port, in either table; an established socket is not a listener', () => {
  assert.ok(listensOn(tcp6, 12865));
  assert.ok(listensOn(tcp, 5201));
  assert.not.ok(listensOn(tcp, 51490), 'the client end of an established connection');
  assert.not.ok(listensOn(tcp, 12865));
  assert.not.ok(listensOn('', 5201));
});

test.run();
