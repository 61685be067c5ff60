// UDP datagrams with a known TTL / hop limit between two namespaces, and what the receiving socket
// saw of it (IP_RECVTTL, IPV6_RECVHOPLIMIT), through python3's socket module: no tcpdump needed.
import { execa } from 'execa';

export const SENT_TTL = 64;
const DATAGRAMS = 5;

// Receives DATAGRAMS datagrams (or what came within 5 s) and prints each one's TTL / hop limit.
const RECEIVER = `
import socket, sys, json
addr, v6 = sys.argv[1], ':' in sys.argv[1]
s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_DGRAM)
if v6: s.setsockopt(socket.IPPROTO_IPV6, getattr(socket, 'IPV6_RECVHOPLIMIT', 51), 1)
else: s.setsockopt(socket.IPPROTO_IP, getattr(socket, 'IP_RECVTTL', 12), 1)
s.bind((addr, 40999)); s.settimeout(5); print('ready', flush=True)
ttls = []
try:
    while len(ttls) < ${DATAGRAMS}:
        _, anc, _, _ = s.recvmsg(64, socket.CMSG_SPACE(4))
        ttls += [int.from_bytes(d[:4], sys.byteorder) for _, _, d in anc]
except socket.timeout: pass
print(json.dumps(ttls), flush=True)`;
const SENDER = `
import socket, sys, time
addr, v6 = sys.argv[1], ':' in sys.argv[1]
s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_DGRAM)
if v6: s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, ${SENT_TTL})
else: s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ${SENT_TTL})
for _ in range(${DATAGRAMS}): s.sendto(b'ttl', (addr, 40999)); time.sleep(0.05)`;

/**
 * The TTLs (IPv4) or hop limits (IPv6) of DATAGRAMS UDP datagrams sent from namespace `from`
 * with SENT_TTL to `address` in namespace `to`, as the receiving socket saw them.
 */
export async function ttlsReceived(from: string, to: string, address: string): Promise<number[]> {
  const python = (await execa('python3', ['-c', 'import sys; print(sys.executable)'])).stdout.trim();
  const receiver = execa('nsenter', [`--net=/run/netns/${to}`, '--', python, '-c', RECEIVER, address], { reject: false, timeout: 20_000 });
  await new Promise<void>((resolve, reject) => {
    receiver.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
    receiver.then((r) => reject(new Error(`receiver ended before it was ready: ${r.stderr}`)), reject);
  });
  await execa('nsenter', [`--net=/run/netns/${from}`, '--', python, '-c', SENDER, address], { timeout: 20_000 });
  const out = await receiver;
  return JSON.parse(out.stdout.trim().split('\n').pop() ?? '[]');
}

