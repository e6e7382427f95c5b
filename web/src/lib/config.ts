/** What the server tells the app about where it runs (`/config.json`: same origin locally, CloudFront on AWS). */
export interface AppConfig {
  /** The API's base URL; empty means the same origin as the app. */
  apiUrl: string;
  region?: string;
  userPoolId?: string;
  userPoolClientId?: string;
}

let loaded: Promise<AppConfig> | undefined;

/** Reads `/config.json` once. */
export function loadConfig(): Promise<AppConfig> {
  loaded ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : { apiUrl: '' }))
    .then((config: Partial<AppConfig>) => ({ ...config, apiUrl: (config.apiUrl ?? '').replace(/\/$/, '') }))
    .catch(() => ({ apiUrl: '' }));
  return loaded;
}
