import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { ValidationFailedException } from '../common/errors/validation.exception';
import type { AuthenticatedUser } from '../common/http/request-context';
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
  user: PublicUser;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly revocations: RevocationService,
  ) {}

  async register(dto: RegisterDto): Promise<TokenPair> {
    const problems = passwordProblems(dto.password, dto.email);
    if (problems.length) throw new ValidationFailedException(problems.map((message) => ({ field: 'password', message })));
    if (await this.users.findByEmail(dto.email)) {
      throw Object.assign(new ConflictException('email already registered'), { details: [{ field: 'email', message: 'email must be unique' }] });
    }
    // a concurrent duplicate still hits the unique index -> 23505 -> 409 via the global filter
    const user = await this.users.create({ email: dto.email.toLowerCase(), name: dto.name, passwordHash: await this.passwords.hash(dto.password) });
    return this.issuePair(user);
  }

  async login(dto: LoginDto): Promise<TokenPair> {
    const user = await this.users.findByEmail(dto.email);
    const ok = await this.passwords.verify(dto.password, user?.passwordHash);
    if (!user || !ok) throw new UnauthorizedException('Invalid email or password');
    if (user.isDisabled) throw new UnauthorizedException('Account disabled');
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
    const access = await this.tokens.signAccess({ id: user.id, role: user.role, tokenVersion: user.tokenVersion }, next.familyId);
    return { accessToken: access.token, refreshToken: next.token, tokenType: 'Bearer', expiresIn: access.expiresIn, user: toPublicUser(user) };
  }

  /** Denylists the presented access token and revokes its refresh-token family. */
  async logout(principal: AuthenticatedUser): Promise<void> {
    await this.revocations.revoke(principal.jti, principal.exp);
    if (principal.sid) await this.refreshTokens.revokeFamily(principal.sid);
  }

  async me(principal: AuthenticatedUser): Promise<PublicUser> {
    const user = await this.users.findById(principal.id);
    if (!user) throw new UnauthorizedException();
    return toPublicUser(user);
  }

  /**
   * Full access-token check used by the guard: signature/claims, then denylist, then the user's
   * current token_version and is_disabled. Other services must implement the same steps.
   */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    const claims = await this.tokens.verifyAccess(token);
    if (await this.revocations.isRevoked(claims.jti)) throw new UnauthorizedException('Access token revoked');
    const state = await this.users.authState(Number(claims.sub));
    if (!state || state.isDisabled || state.tokenVersion !== claims.tv) throw new UnauthorizedException('Access token revoked');
    // role comes from the database so a demotion takes effect at once
    return { id: Number(claims.sub), role: state.role, jti: claims.jti, sid: claims.sid, exp: claims.exp };
  }

  private async issuePair(user: UserEntity): Promise<TokenPair> {
    const refresh = await this.refreshTokens.issue(user.id, user.tokenVersion);
    const access = await this.tokens.signAccess({ id: user.id, role: user.role, tokenVersion: user.tokenVersion }, refresh.familyId);
    return { accessToken: access.token, refreshToken: refresh.token, tokenType: 'Bearer', expiresIn: access.expiresIn, user: toPublicUser(user) };
  }
}

