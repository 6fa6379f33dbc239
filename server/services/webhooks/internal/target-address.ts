/**
 * Where a webhook may send (SSRF, issue #17): only to public unicast addresses, unless the host is listed
 * in WEBHOOK_ALLOW_HOSTS. Checked twice: when the webhook is created (a clear 400 naming the address),
 * and at every connection, by the `lookup` the request uses, so a name that resolves elsewhere later
 * (DNS rebinding) still cannot reach the server's own network. Address ranges from ipaddr.js.
 */
import dns, { type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

const LOOKUP_TIMEOUT_MS = 3_000;

/** The host as the allow list and the address check compare it: lower case, IPv6 without brackets. */
export const bareHost = (hostname: string) => hostname.toLowerCase().replace(/^\[|\]$/g, "");

/** true: a public unicast address (not loopback, private, link-local, unique-local, CGNAT, multicast, reserved, unspecified). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process(): an IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  return ipaddr.process(address).range() === "unicast";
}

const refused = (host: string, address: string) =>
  `${host} is ${host === address ? "" : `resolved to ${address}, `}a loopback, private or reserved address: list the host in WEBHOOK_ALLOW_HOSTS to allow it`;

/** Why `url` may not be a webhook's target, or null when it may. Resolves the host name (every address must be public). */
export async function targetProblem(url: string, allowHosts: readonly string[]): Promise<string | null> {
  const host = bareHost(new URL(url).hostname);
  if (allowHosts.includes(host)) return null;
  if (ipaddr.isValid(host)) return isPublicAddress(host) ? null : refused(host, host);
  let addresses: LookupAddress[];
  let timer: NodeJS.Timeout | undefined;
  try {
    // A resolver that does not answer must not hold the admin's request (nor a server thread) for long.
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("late")), LOOKUP_TIMEOUT_MS)));
    addresses = await Promise.race([dns.promises.lookup(host, { all: true, verbatim: true }), late]);
  } catch (error) {
    return (error as Error).message === "late"
      ? `${host} could not be resolved within ${LOOKUP_TIMEOUT_MS / 1000} s`
      : `${host} does not resolve to an address`;
  } finally {
    clearTimeout(timer);
  }
  const inside = addresses.find((a) => !isPublicAddress(a.address));
  return inside ? refused(host, inside.address) : null;
}

/**
 * A `lookup` for http(s).request that connects only where `targetProblem` allows: a host name's private
 * addresses are dropped, and a name with no public address fails the connection (ENOTFOUND-like).
 * Node skips `lookup` for an address literal, so the caller checks literals itself (`literalProblem`).
 */
export function guardedLookup(allowHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const usable = allowHosts.includes(bareHost(hostname)) ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      if (usable.length === 0) {
        const failure = Object.assign(new Error(refused(hostname, addresses[0]?.address ?? "nothing")), { code: "EADDRNOTALLOWED" });
        return callback(failure, "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/** Why an address-literal target may not be connected to (the lookup is not consulted for literals). */
export function literalProblem(url: string, allowHosts: readonly string[]): string | null {
  const host = bareHost(new URL(url).hostname);
  if (!ipaddr.isValid(host) || allowHosts.includes(host)) return null;
  return isPublicAddress(host) ? null : refused(host, host);
}
