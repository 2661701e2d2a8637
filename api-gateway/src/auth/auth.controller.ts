import { Body, Controller, Get, HttpCode, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtension,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/error-responses';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { OptionalAuth } from '../common/decorators/optional-auth.decorator';
import { Public } from '../common/decorators/public.decorator';
import type { AuthenticatedUser, GatewayRequest } from '../common/http/request-context';
import { clearAuthCookies, COOKIE_REQUEST_HEADER, setAuthCookies, wantsCookies } from './auth-cookies';
import { AuthService, TokenPair } from './auth.service';
import { LoginDto, LogoutDto, RefreshDto, RegisterDto, SessionView, TokenResponse, UserView } from './dto/auth.dto';
import { accessTokenFrom, readCookie, REFRESH_COOKIE } from './request-token';

const CookieHeader = ApiHeader({
  name: COOKIE_REQUEST_HEADER,
  required: false,
  description: '`1`: set the tokens as HttpOnly cookies (access_token, refresh_token) instead of returning them in the body',
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('register')
  @ApiOperation({ summary: 'Create a customer account and sign in' })
  @ApiErrors(400, [409, 'The email is already registered'])
  @CookieHeader
  @ApiCreatedResponse({ type: TokenResponse, description: 'Customer account created and signed in' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited (per IP and per email); see Retry-After' })
  async register(@Body() dto: RegisterDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return deliver(req, res, await this.auth.register(dto), wantsCookies(req.headers));
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @ApiOperation({ summary: 'Sign in with email and password: access + refresh token (JSON or cookies)' })
  @ApiErrors(400)
  @HttpCode(200)
  @CookieHeader
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials or disabled account' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited (per IP, and per account after failed logins); see Retry-After' })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return deliver(req, res, await this.auth.login(dto), wantsCookies(req.headers));
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('refresh')
  @ApiOperation({ summary: 'Rotate the refresh token: a new access + refresh pair (reuse revokes the family)' })
  @ApiErrors(400, [401, 'Refresh token invalid, expired, revoked or reused'])
  @HttpCode(200)
  @CookieHeader
  @ApiCookieAuth()
  @ApiOkResponse({
    type: TokenResponse,
    description: 'Rotated pair; the presented refresh token (body, else the refresh_token cookie) is now spent',
  })
  @ApiTooManyRequestsResponse({ description: 'Rate limited per IP; see Retry-After' })
  async refresh(@Body() dto: RefreshDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const cookie = readCookie(req.headers.cookie, REFRESH_COOKIE);
    const token = dto.refreshToken ?? cookie;
    if (!token) throw new UnauthorizedException('Refresh token required (body refreshToken or the refresh_token cookie)');
    return deliver(req, res, await this.auth.refresh(token), wantsCookies(req.headers) || (!dto.refreshToken && !!cookie));
  }

  /**
   * Public so that a session can be ended with its refresh token alone (e.g. after the access
   * token expired); a presented access token must still be valid. Always clears the cookies, even with a 401.
   */
  @Public()
  @Post('logout')
  @ApiOperation({ summary: 'Sign out: revoke the refresh family and denylist the access token' })
  @ApiExtension('x-auth', 'optional')
  @ApiErrors(400)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'Access token denylisted, refresh family revoked (all its access tokens too), cookies cleared' })
  async logout(@Body() dto: LogoutDto, @Req() req: GatewayRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    const source = accessTokenFrom(req.headers);
    const refreshToken = dto.refreshToken ?? readCookie(req.headers.cookie, REFRESH_COOKIE);
    clearAuthCookies(req, res); // also when the session turns out to be gone already (then 401 below)
    let principal: AuthenticatedUser | undefined;
    if (source.via === 'bearer' || source.via === 'cookie') {
      try {
        principal = await this.auth.authenticate(source.token);
      } catch (err) {
        if (source.via === 'bearer' || !refreshToken) throw err; // a stale cookie alone must not block logout by refresh token
      }
    }
    await this.auth.logout({ principal, refreshToken });
  }

  /**
   * For browsers: who is signed in, without a 401 for guests (a page asking on every load would
   * log an error each time). `refreshable`: no valid access token, but a refresh_token cookie came
   * along, so POST /api/auth/refresh may restore the session.
   */
  @Public()
  @OptionalAuth()
  @Get('session')
  @ApiOperation({ summary: 'The signed-in user of a cookie session, or null (never a 401)' })
  @ApiExtension('x-auth', 'optional')
  @ApiCookieAuth()
  @ApiOkResponse({ type: SessionView })
  async session(@CurrentUser() user: AuthenticatedUser | undefined, @Req() req: Request): Promise<SessionView> {
    if (user) return { user: await this.auth.me(user), refreshable: false };
    return { user: null, refreshable: !!readCookie(req.headers.cookie, REFRESH_COOKIE) };
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiErrors(401)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() user: AuthenticatedUser) {
    return this.auth.me(user);
  }
}

/** Body with the tokens, or (cookie clients) the cookies and a body without them. */
function deliver(req: Request, res: Response, pair: TokenPair, asCookies: boolean) {
  if (!asCookies) return pair;
  setAuthCookies(req, res, pair);
  const { accessToken: _a, refreshToken: _r, ...rest } = pair;
  return { ...rest, tokenType: 'Cookie' as const };
}
