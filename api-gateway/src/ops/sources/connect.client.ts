import { HttpException, HttpStatus, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { reasonOf } from '../section';

export interface ConnectorStatus {
  name: string;
  state: string;
  workerId: string | null;
  tasks: Array<{ id: number; state: string; workerId: string | null; trace: string | null }>;
}

interface RawStatus {
  name: string;
  connector: { state: string; worker_id?: string };
  tasks: Array<{ id: number; state: string; worker_id?: string; trace?: string }>;
}

/** Kafka Connect REST (CONNECT_URL) for the Debezium connector CDC_CONNECTOR_NAME. */
@Injectable()
export class ConnectClient {
  constructor(private readonly config: AppConfig) {}

  get connector(): string {
    return this.config.env.CDC_CONNECTOR_NAME;
  }

  async status(): Promise<ConnectorStatus> {
    const raw = (await this.call('GET', '/status')) as RawStatus;
    return {
      name: raw.name,
      state: raw.connector.state,
      workerId: raw.connector.worker_id ?? null,
      // only the first line of a stack trace: the report is for a dashboard
      tasks: raw.tasks.map((t) => ({
        id: t.id,
        state: t.state,
        workerId: t.worker_id ?? null,
        trace: t.trace ? t.trace.split('\n')[0] : null,
      })),
    };
  }

  /**
   * Restarts the connector and all its tasks. Connect answers 202 and restarts asynchronously;
   * returns the connector state of its answer (RESTARTING), or null if it sent none.
   */
  async restart(): Promise<string | null> {
    const body = (await this.call('POST', '/restart?includeTasks=true&onlyFailed=false')) as Partial<RawStatus> | undefined;
    return body?.connector?.state ?? null;
  }

  /** Resumes a PAUSED or STOPPED connector (a no-op on a running one). */
  async resume(): Promise<void> {
    await this.call('PUT', '/resume');
  }

  private async call(method: string, suffix: string): Promise<unknown> {
    const url = `${this.config.env.CONNECT_URL}/connectors/${encodeURIComponent(this.connector)}${suffix}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.env.OPS_SOURCE_TIMEOUT_MS),
      });
    } catch (err) {
      throw new ServiceUnavailableException(`Kafka Connect unreachable: ${reasonOf(err)}`);
    }
    const text = await res.text();
    if (res.status === 404) throw new NotFoundException(`connector ${this.connector} is not registered in Kafka Connect`);
    if (!res.ok) {
      const message = safeMessage(text) ?? res.statusText;
      throw new HttpException(
        `Kafka Connect answered ${res.status}: ${message}`,
        res.status === 409 ? HttpStatus.CONFLICT : HttpStatus.BAD_GATEWAY,
      );
    }
    return text ? JSON.parse(text) : undefined;
  }
}

function safeMessage(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { message?: string }).message;
  } catch {
    return undefined;
  }
}
