import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../config/load-config';
import { SearchSettings } from '../search/search.settings';
import { topicPlan } from './cdc-topics';

/** connectors/catalog-postgres.json's topic.creation group settings, as Kafka Connect applies them. */
function connectorGroups(): Array<{ include: RegExp; partitions: number; configs: Record<string, string> }> {
  const cfg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'connectors', 'catalog-postgres.json'), 'utf8')).config as Record<
    string,
    string
  >;
  return cfg['topic.creation.groups'].split(',').map((group) => {
    const prefix = `topic.creation.${group.trim()}.`;
    const own = Object.fromEntries(
      Object.entries(cfg)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), String(v)]),
    );
    const { include, partitions, 'replication.factor': _rf, ...configs } = own;
    return { include: new RegExp(`^(?:${include})$`), partitions: Number(partitions), configs };
  });
}

describe('topicPlan', () => {
  it('creates each CDC topic with the settings of its Debezium topic.creation group', () => {
    const settings = Object.assign(new SearchSettings(), { CDC_TOPIC_PREFIX: 'commerce', INDEXER_DLQ_TOPIC: 'commerce.indexer.dlq' });
    const groups = connectorGroups();
    const cdc = topicPlan(settings).filter((p) => p.topic.startsWith('commerce.public.'));
    expect(cdc).toHaveLength(7);
    for (const planned of cdc) {
      const group = groups.find((g) => g.include.test(planned.topic));
      expect({ topic: planned.topic, partitions: planned.numPartitions, configs: planned.configs }).toEqual({
        topic: planned.topic,
        partitions: group?.partitions,
        configs: group?.configs,
      });
    }
  });
});
