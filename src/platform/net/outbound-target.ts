import dns from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where an admin feature may connect (a webhook, a mailbox's IMAP or SMTP server, its connection
 * test): public unicast addresses only, unless the installation allows private targets
 * (APRES_ALLOW_PRIVATE_TARGETS, e.g. a mail server on the local network). Loopback, link-local
 * (169.254.169.254 is the cloud metadata service), private, carrier-grade NAT, multicast and
 * reserved ranges are refused, including through a host name that resolves to one, so the app
 * cannot be used to reach or scan what sits behind it. Returns why a host is refused, or null.
 */
export async function refusedTarget(host: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (net.isIP(bare)) addresses = [bare];
  else {
    try {
      addresses = (await dns.lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return `cannot resolve ${host}`;
    }
  }
  for (const a of addresses) {
    let parsed = ipaddr.parse(a);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    const range = parsed.range();
    if (range !== 'unicast') return `${host} is a ${range} address (${a}); private targets are not allowed on this installation`;
  }
  return null;
}
