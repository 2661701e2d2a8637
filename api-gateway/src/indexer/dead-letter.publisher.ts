import type { Producer } from 'kafkajs';
import type { KafkaMessage } from 'kafkajs';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: Pick<KafkaMessage, 'key' | 'value' | 'offset'>;
  error: string;
}

/** Headers carried by every dead letter (the original coordinates and the error). */
export function deadLetterHeaders(d: DeadLetter): Record<string, string> {
  return {
    'x-error': d.error.slice(0, 1000),
    'x-original-topic': d.topic,
    'x-original-partition': String(d.partition),
    'x-original-offset': d.message.offset,
    'x-failed-at': new Date().toISOString(),
  };
}

/** Sends poison messages to the dead-letter topic (acks=all) before their offsets are committed. */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
  ) {}

  async publish(letters: DeadLetter[]): Promise<void> {
    if (!letters.length) return;
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: letters.map((d) => ({ key: d.message.key, value: d.message.value, headers: deadLetterHeaders(d) })),
    });
  }
}
