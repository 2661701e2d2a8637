import { SetMetadata } from '@nestjs/common';

export type Role = 'customer' | 'admin';
export const ROLES = 'auth:roles';
/** Restricts a route to the given roles (checked by RolesGuard after authentication). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
