import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  ip: string | null;
}

/** Rows of admin_audit_log written by the gateway (ops actions taken on behalf of an admin). */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An actor id that names no user is kept in details, the FK column stays NULL (the action already happened). */
  async record(e: AuditEntry): Promise<number> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO admin_audit_log (actor_user_id, action, subject_type, subject_id, details, ip)
       VALUES ((SELECT id FROM users WHERE id = $1), $2, $3, $4, $5::jsonb, $6::inet) RETURNING id`,
      [e.actorUserId, e.action, e.subjectType, e.subjectId, JSON.stringify({ ...e.details, actorUserId: e.actorUserId }), e.ip],
    );
    return Number(rows[0].id);
  }
}
