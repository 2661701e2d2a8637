import { isNotFound, SearchClient } from '../es/es-client';
import type { IndexDefinition } from './index-definitions';

/** Physical index name: <alias>-v<yyyymmddhhmmssSSS> (sortable, unique per build). */
export function physicalIndexName(alias: string, now = new Date()): string {
  return `${alias}-v${now.toISOString().replace(/[-:TZ.]/g, '')}`;
}

/**
 * Versioned physical indexes behind two aliases: `<alias>` (reads, exactly one index) and
 * `<alias>-write` (every index that must receive CDC writes; two during a reindex).
 */
export class IndexManager {
  constructor(private readonly es: SearchClient) {}

  async indicesOf(alias: string): Promise<string[]> {
    try {
      const res = await this.es.indices.getAlias({ name: alias });
      return Object.keys(res).sort();
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
  }

  /** Creates the first physical index behind both aliases if the read alias does not exist yet. */
  async ensure(alias: string, writeAlias: string, def: IndexDefinition): Promise<string> {
    const existing = await this.indicesOf(alias);
    if (existing.length) return existing[0];
    const name = physicalIndexName(alias);
    try {
      await this.es.indices.create({
        index: name,
        settings: def.settings,
        mappings: def.mappings,
        aliases: { [alias]: {}, [writeAlias]: {} },
      } as never);
    } catch (err) {
      // a concurrent starter may have won the race: fine if the alias is there now
      const now = await this.indicesOf(alias);
      if (now.length) return now[0];
      throw err;
    }
    return name;
  }

  async create(name: string, def: IndexDefinition, settingsOverride: Record<string, unknown> = {}): Promise<void> {
    await this.es.indices.create({
      index: name,
      settings: { ...def.settings, ...settingsOverride },
      mappings: def.mappings,
    } as never);
  }

  async addToAlias(alias: string, index: string): Promise<void> {
    await this.es.indices.updateAliases({ actions: [{ add: { index, alias } }] });
  }

  /** Atomically points `alias` at `index` only (one cluster-state update: no gap for readers). */
  async swap(alias: string, index: string): Promise<string[]> {
    const old = (await this.indicesOf(alias)).filter((i) => i !== index);
    await this.es.indices.updateAliases({
      actions: [...old.map((i) => ({ remove: { index: i, alias } })), { add: { index, alias } }],
    });
    return old;
  }

  async removeFromAlias(alias: string, index: string): Promise<void> {
    await this.es.indices.updateAliases({ actions: [{ remove: { index, alias } }] });
  }

  async delete(index: string): Promise<void> {
    await this.es.indices.delete({ index }).catch((err) => {
      if (!isNotFound(err)) throw err;
    });
  }
}
