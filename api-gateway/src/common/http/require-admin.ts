import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { AuthenticatedUser } from './request-context';

/** For an admin-only option of a public route: 401 without a valid token, 403 for a non-admin; both name the field. */
export function requireAdmin(user: AuthenticatedUser | undefined, field: string): asserts user is AuthenticatedUser {
  const details = [{ field, message: 'is reserved to admins' }];
  if (!user) throw Object.assign(new UnauthorizedException(`${field} requires an admin access token`), { details });
  if (user.role !== 'admin') throw Object.assign(new ForbiddenException(`${field} is reserved to admins`), { details });
}
