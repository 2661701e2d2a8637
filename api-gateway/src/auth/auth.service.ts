import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { ValidationFailedException } from '../common/errors/validation.exception';
import type { AuthenticatedUser } from '../common/http/request-context';
import { Bucket, RateLimiter } from '../common/rate-limit/rate-limiter';
import { AppConfig } from '../config/app-config';
import { UserEntity } from '../users/user.entity';
import { PublicUser, toPublicUser, UsersService } from '../users/users.service';
import { LoginDto, RegisterDto } from './dto/auth.dto';
import { passwordProblems, PasswordService } from './password.service';
import { RefreshTokenService } from './refresh-token.service';
import { RevocationService } from './revocation.service';
import { TokenService } from './token.service';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Seconds left in the refresh family's absolute lifetime (the refresh cookie's Max-Age). */
  refreshExpiresIn: number;
  user: PublicUser;
}

/** What logout can identify a session by: the authenticated access token and/or a refresh token. */
export interface LogoutInput {
  principal?: AuthenticatedUser;
  refreshToken?: string;
}

@Injectable()
export class AuthService {
  /** Failed logins per account (any IP) and register attempts per email. */
  private readonly accountBucket: Bucket;
  private readonly registerBucket: Bucket;

  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly revocations: RevocationService,
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    const { AUTH_ACCOUNT_RATE_LIMIT: limit, AUTH_ACCOUNT_RATE_TTL_SECONDS: windowSeconds } = config.env;
    this.accountBucket = { name: 'login-account', limit, windowSeconds };
    this.registerBucket = { name: 'register-email', limit, windowSeconds };
  }

  async register(dto: RegisterDto): Promise<TokenPair> {
    const email = dto.email.toLowerCase();
    await this.limiter.consume(this.registerBucket, email);
    const problems = passwordProblems(dto.password, dto.email);
    if (problems.length) throw new ValidationFailedException(problems.map((message) => ({ field: 'password', message })));
    if (await this.users.findByEmail(email)) {
      // a shopper must learn that the address has an account; enumeration is bounded by the per-IP and per-email limits
      throw Object.assign(new ConflictException('email already registered'), {
        details: [{ field: 'email', message: 'email must be unique' }],
      });
    }
    // a concurrent duplicate still hits the unique index -> 23505 -> 409 via the global filter
    const user = await this.users.create({ email, name: dto.name, passwordHash: await this.passwords.hash(dto.password) });
    return this.issuePair(user);
  }

  async login(dto: LoginDto): Promise<TokenPair> {
    const account = dto.email.toLowerCase();
    await this.limiter.check(this.accountBucket, account);
    const user = await this.users.findByEmail(account);
    const ok = await this.passwords.verify(dto.password, user?.passwordHash);
    if (!user || !ok) {
      await this.limiter.fail(this.accountBucket, account);
      throw new UnauthorizedException('Invalid email or password');
    }
    if (user.isDisabled) throw new UnauthorizedException('Account disabled');
    await this.limiter.reset(this.accountBucket, account);
    if (this.passwords.needsRehash(user.passwordHash))
      await this.users.updatePasswordHash(user.id, await this.passwords.hash(dto.password));
    return this.issuePair(user);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const spent = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.findById(spent.userId);
    if (!user || user.isDisabled || user.tokenVersion !== spent.tokenVersion) {
      // disabled account or token_version bumped since issue: the session is over
      await this.refreshTokens.revokeFamily(spent.familyId);
      throw new UnauthorizedException('Session revoked');
    }
    const next = await this.refreshTokens.issueSuccessor(spent, user.tokenVersion);
    return this.pair(user, next);
  }

  /**
   * Ends a session: denylists the presented access token and revokes its whole refresh family
   * (which denylists the family's `sid`, so every older access token of the session dies too).
   * The session may be named by the access token, the refresh token, or both. 401 if neither.
   */
  async logout({ principal, refreshToken }: LogoutInput): Promise<void> {
    const family = refreshToken ? await this.refreshTokens.familyOf(refreshToken) : undefined;
    if (!principal && !family) throw new UnauthorizedException('No session to log out: send the access token or the refresh token');
    if (principal) {
      await this.revocations.revoke(principal.jti, principal.exp);
      if (principal.sid) await this.refreshTokens.revokeFamily(principal.sid);
    }
    if (family && family.familyId !== principal?.sid && (!principal || family.userId === String(principal.id))) {
      await this.refreshTokens.revokeFamily(family.familyId);
    }
  }

  async me(principal: AuthenticatedUser): Promise<PublicUser> {
    const user = await this.users.findById(principal.id);
    if (!user) throw new UnauthorizedException();
    return toPublicUser(user);
  }

  /**
   * Full access-token check used by the guard, GraphQL and Socket.IO: signature/claims, then the
   * jti and sid denylists, then the user's current token_version and is_disabled. Other services
   * must implement the same steps (docs/api.md).
   */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    const claims = await this.tokens.verifyAccess(token);
    if (await this.revocations.isRevoked(claims.jti, claims.sid)) throw new UnauthorizedException('Access token revoked');
    const state = await this.users.authState(Number(claims.sub));
    if (!state || state.isDisabled || state.tokenVersion !== claims.tv) throw new UnauthorizedException('Access token revoked');
    // role comes from the database so a demotion takes effect at once
    return { id: Number(claims.sub), role: state.role, jti: claims.jti, sid: claims.sid, exp: claims.exp };
  }

  private async issuePair(user: UserEntity): Promise<TokenPair> {
    return this.pair(user, await this.refreshTokens.issue(user.id, user.tokenVersion));
  }

  private async pair(user: UserEntity, refresh: { token: string; familyId: string; expiresAt: Date }): Promise<TokenPair> {
    const access = await this.tokens.signAccess({ id: user.id, role: user.role, tokenVersion: user.tokenVersion }, refresh.familyId);
    return {
      accessToken: access.token,
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshExpiresIn: Math.max(0, Math.floor((refresh.expiresAt.getTime() - Date.now()) / 1000)),
      user: toPublicUser(user),
    };
  }
}
