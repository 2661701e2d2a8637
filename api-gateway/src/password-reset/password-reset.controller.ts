import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/error-responses';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import type { AuthenticatedUser } from '../common/http/request-context';
import { ForgotPasswordDto, ResetPasswordDto, VerifyPasswordDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller('auth/password')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('forgot')
  @ApiOperation({ summary: 'Request a password reset link by email (always 202)' })
  @ApiErrors(400)
  @HttpCode(202)
  @ApiAcceptedResponse({
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['accepted'] } } },
    description: 'Always, whether or not the email has an account; a reset link is mailed if it has',
  })
  @ApiTooManyRequestsResponse({ description: 'Per-IP rate limit; see Retry-After' })
  async forgot(@Body() dto: ForgotPasswordDto): Promise<{ status: 'accepted' }> {
    await this.resets.forgot(dto.email, dto.context);
    return { status: 'accepted' };
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('reset')
  @ApiOperation({ summary: 'Set a new password with the emailed token' })
  @ApiErrors(400)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; every access and refresh token of the user is revoked' })
  @ApiUnprocessableEntityResponse({ description: 'Token invalid, expired or already used (details[0].field = "token")' })
  @ApiTooManyRequestsResponse({ description: 'Per-IP rate limit; see Retry-After' })
  async reset(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.resets.reset(dto.email, dto.token, dto.password);
  }

  @UseGuards(ThrottlerGuard)
  @Post('verify')
  @ApiOperation({ summary: "Check the signed-in user's password (before a sensitive change)" })
  @ApiErrors(400)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The password is right' })
  @ApiUnauthorizedResponse({ description: 'Wrong password, or not signed in' })
  async verify(@CurrentUser() user: AuthenticatedUser, @Body() dto: VerifyPasswordDto): Promise<void> {
    await this.resets.verify(user.id, dto.password);
  }
}
