import { ConnectorActionsService } from './connector-actions.service';
import type { AuditLogRepository } from './audit-log.repository';
import type { ConnectClient } from './sources/connect.client';

function setup(state: string) {
  const connect = {
    connector: 'c1',
    status: jest.fn(async () => ({ name: 'c1', state, workerId: null, tasks: [] })),
    restart: jest.fn(async () => 'RESTARTING'),
    resume: jest.fn(async () => undefined),
  };
  const audit = { record: jest.fn(async () => 42) };
  return { connect, audit, svc: new ConnectorActionsService(connect as unknown as ConnectClient, audit as unknown as AuditLogRepository) };
}
const key = { id: 5, prefix: 'cpk_12345678', scopes: ['ops:write'] };

describe('ConnectorActionsService', () => {
  it.each(['RUNNING', 'FAILED', 'UNASSIGNED'])('restarts a %s connector with its tasks and audits it', async (state) => {
    const { connect, audit, svc } = setup(state);
    const r = await svc.restart({ actor: { userId: 9, ip: '192.0.2.1' } }, key, '127.0.0.1');
    expect(connect.restart).toHaveBeenCalled();
    expect(connect.resume).not.toHaveBeenCalled();
    expect(r).toEqual({ action: 'restarted', connector: 'c1', previousState: state, connectState: 'RESTARTING', auditId: 42 });
    expect(audit.record).toHaveBeenCalledWith({
      actorUserId: 9,
      action: 'connector.restart',
      subjectType: 'connector',
      subjectId: 'c1',
      details: { previousState: state, connectState: 'RESTARTING', apiKeyId: 5, apiKeyPrefix: 'cpk_12345678' },
      ip: '192.0.2.1',
    });
  });

  it.each(['PAUSED', 'STOPPED'])('"restart" of a %s connector resumes it (a restart would leave it halted)', async (state) => {
    const { connect, svc } = setup(state);
    const r = await svc.restart({}, key, '10.0.0.1');
    expect(connect.resume).toHaveBeenCalled();
    expect(connect.restart).not.toHaveBeenCalled();
    expect(r.action).toBe('resumed');
  });

  it('audits without an actor using the caller IP', async () => {
    const { audit, svc } = setup('PAUSED');
    await svc.resume({}, key, '10.0.0.1');
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ actorUserId: null, action: 'connector.resume', ip: '10.0.0.1' }));
  });
});
