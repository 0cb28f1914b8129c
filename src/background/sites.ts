// The per-site switch, remembered in the extension's database.
import type { ClaimlensDb } from './db';

export async function isSiteEnabled(db: ClaimlensDb, host: string): Promise<boolean> {
  const rec = await db.get('sites', host.toLowerCase());
  return rec?.enabled ?? true;
}

export async function setSiteEnabled(db: ClaimlensDb, host: string, enabled: boolean): Promise<boolean> {
  const h = host.toLowerCase();
  if (enabled) await db.delete('sites', h);
  else await db.put('sites', { host: h, enabled: false });
  return enabled;
}
