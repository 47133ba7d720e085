// The defaults the portal publishes (GET settings.json): the chain and the suite's logs. They are
// only defaults: the user may choose another RPC address or key, and the page proves everything
// else itself.

export interface ChainSettings {
  rpcUrl: string;
  chainId: number;
  registryAddress: string;
  minConfirmations: number;
}

export interface LogSettings {
  name: string;
  origin: string;
  logId: string;
  apiPrefix: string;
  verifierKey: string | null;
}

export interface PortalSettings {
  publicUrl: string;
  chain: ChainSettings;
  logs: LogSettings[];
}

/** Reads the portal's settings from beside the page. */
export async function loadSettings(): Promise<PortalSettings> {
  const response = await fetch('settings.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }
  return (await response.json()) as PortalSettings;
}

const RPC_KEY = 'govchain.portal.rpc';

/** The RPC address the user chose last, or the published one. */
export function preferredRpc(settings: PortalSettings): string {
  try {
    return window.localStorage.getItem(RPC_KEY) ?? settings.chain.rpcUrl;
  } catch {
    return settings.chain.rpcUrl;
  }
}

/** Remembers the user's RPC address (the published one clears the choice). */
export function rememberRpc(settings: PortalSettings, url: string): void {
  try {
    if (url === settings.chain.rpcUrl) {
      window.localStorage.removeItem(RPC_KEY);
    } else {
      window.localStorage.setItem(RPC_KEY, url);
    }
  } catch {
    // private mode: nothing is remembered
  }
}

/** The published key of the log with `origin`, if any. */
export function publishedKey(settings: PortalSettings, origin: string): string | null {
  return settings.logs.find((log) => log.origin === origin)?.verifierKey ?? null;
}
