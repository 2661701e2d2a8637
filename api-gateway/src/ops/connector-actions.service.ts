import { Injectable } from '@nestjs/common';
import type { AuthenticatedApiKey } from '../common/http/request-context';
import { AuditLogRepository } from './audit-log.repository';
import type { ConnectorActionDto, ConnectorActionResult } from './dto/connector-action.dto';
import { ConnectClient } from './sources/connect.client';

/** States a Connect restart cannot leave: only a resume brings these back to RUNNING. */
const HALTED = new Set(['PAUSED', 'STOPPED']);

/**
 * Restart/resume of the CDC connector on behalf of an admin; every action lands in
 * admin_audit_log (actor, key id, state before).
 */
@Injectable()
export class ConnectorActionsService {
  constructor(
    private readonly connect: ConnectClient,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Restarts the connector and all its tasks; a PAUSED/STOPPED connector is resumed instead (a restart would leave it halted). */
  async restart(dto: ConnectorActionDto, key: AuthenticatedApiKey, ip: string | undefined): Promise<ConnectorActionResult> {
    const before = await this.connect.status();
    if (HALTED.has(before.state)) {
      await this.connect.resume();
      return this.record('resumed', before.state, null, dto, key, ip);
    }
    const requested = await this.connect.restart();
    return this.record('restarted', before.state, requested, dto, key, ip);
  }

  async resume(dto: ConnectorActionDto, key: AuthenticatedApiKey, ip: string | undefined): Promise<ConnectorActionResult> {
    const before = await this.connect.status();
    await this.connect.resume();
    return this.record('resumed', before.state, null, dto, key, ip);
  }

  private async record(
    action: ConnectorActionResult['action'],
    previousState: string,
    connectState: string | null,
    dto: ConnectorActionDto,
    key: AuthenticatedApiKey,
    ip: string | undefined,
  ): Promise<ConnectorActionResult> {
    const connector = this.connect.connector;
    const auditId = await this.audit.record({
      actorUserId: dto.actor?.userId ?? null,
      action: action === 'restarted' ? 'connector.restart' : 'connector.resume',
      subjectType: 'connector',
      subjectId: connector,
      details: { previousState, connectState, apiKeyId: key.id, apiKeyPrefix: key.prefix },
      ip: dto.actor?.ip ?? ip ?? null,
    });
    return { action, connector, previousState, connectState, auditId };
  }
}
