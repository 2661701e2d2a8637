import { SetMetadata } from '@nestjs/common';

export const OPTIONAL_AUTH = 'auth:optional';
/**
 * On a @Public() route: a token, if sent and valid, still identifies the caller (req.user), so
 * the handler can unlock something for admins. An absent or bad token leaves the request anonymous.
 */
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH, true);
