import type { PortalAdapter } from './adapter';
import { dppt } from './dppt';
import { generic } from './generic';

/** Every adapter, most specific first; the generic one matches any host and comes last. */
export const ADAPTERS: readonly PortalAdapter[] = [dppt, generic];

/** Match patterns of the hosts whose pages get the content script from the start. */
export const PORTAL_MATCHES = ['*://*.chinatax.gov.cn/*'];

export function adapterFor(host: string): PortalAdapter {
  return ADAPTERS.find((a) => a.hosts.test(host)) ?? generic;
}
