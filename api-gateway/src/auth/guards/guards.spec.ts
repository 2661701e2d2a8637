import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../../common/decorators/public.decorator';
import { ROLES } from '../../common/decorators/roles.decorator';
import { bearerToken, JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';

function ctx(req: Record<string, unknown>, meta: Record<string, unknown> = {}): { context: ExecutionContext; reflector: Reflector } {
  const handler = () => undefined;
  const reflector = { getAllAndOverride: (key: string) => meta[key] } as unknown as Reflector;
  const context = {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { context, reflector };
}

describe('bearerToken', () => {
  it('extracts a JWS compact token', () => expect(bearerToken('Bearer a.b.c')).toBe('a.b.c'));
  it('ignores other schemes and junk', () => {
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('JwtAuthGuard', () => {
  const auth = { authenticate: jest.fn(async () => ({ id: 1, role: 'customer', jti: 'j', exp: 0 })) };
  it('lets @Public() routes through without a token', async () => {
    const { context, reflector } = ctx({ headers: {} }, { [IS_PUBLIC]: true });
    await expect(new JwtAuthGuard(reflector, auth as never).canActivate(context)).resolves.toBe(true);
  });
  it('401 without a token on protected routes', async () => {
    const { context, reflector } = ctx({ headers: {} });
    await expect(new JwtAuthGuard(reflector, auth as never).canActivate(context)).rejects.toBeInstanceOf(UnauthorizedException);
  });
  it('attaches the authenticated user', async () => {
    const req: Record<string, unknown> = { headers: { authorization: 'Bearer a.b.c' } };
    const { context, reflector } = ctx(req);
    await new JwtAuthGuard(reflector, auth as never).canActivate(context);
    expect(auth.authenticate).toHaveBeenCalledWith('a.b.c');
    expect(req.user).toEqual(expect.objectContaining({ id: 1 }));
  });
});

describe('RolesGuard', () => {
  it('passes routes without @Roles', () => {
    const { context, reflector } = ctx({});
    expect(new RolesGuard(reflector).canActivate(context)).toBe(true);
  });
  it('401 anonymous, 403 wrong role, ok for admin', () => {
    const anon = ctx({}, { [ROLES]: ['admin'] });
    expect(() => new RolesGuard(anon.reflector).canActivate(anon.context)).toThrow(UnauthorizedException);
    const cust = ctx({ user: { role: 'customer' } }, { [ROLES]: ['admin'] });
    expect(() => new RolesGuard(cust.reflector).canActivate(cust.context)).toThrow(ForbiddenException);
    const adm = ctx({ user: { role: 'admin' } }, { [ROLES]: ['admin'] });
    expect(new RolesGuard(adm.reflector).canActivate(adm.context)).toBe(true);
  });
});
