import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator';
import { KeyStoreService } from './key-store.service';

class JwkView {
  @ApiProperty({ example: 'RSA' }) kty: string;
  @ApiProperty({ example: 'RS256' }) alg: string;
  @ApiProperty({ example: 'sig' }) use: string;
  @ApiProperty({ example: 'k-2026-11-30' }) kid: string;
  @ApiProperty({ description: 'modulus (base64url)' }) n: string;
  @ApiProperty({ example: 'AQAB' }) e: string;
}

class JwksView {
  @ApiProperty({ type: [JwkView] }) keys: JwkView[];
}

@ApiTags('auth')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: KeyStoreService) {}

  /** Public RSA keys (all currently trusted kids) for other services to verify access tokens. */
  @Get('jwks.json')
  @ApiOperation({ summary: 'JSON Web Key Set: the public keys that verify the access tokens' })
  @ApiOkResponse({ type: JwksView })
  @Header('Cache-Control', 'public, max-age=300')
  jwks() {
    return this.keys.jwks();
  }
}
