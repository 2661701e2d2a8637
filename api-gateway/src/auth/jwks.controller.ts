import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator';
import { KeyStoreService } from './key-store.service';

@ApiTags('auth')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: KeyStoreService) {}

  /** Public RSA keys (all currently trusted kids) for other services to verify access tokens. */
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks() {
    return this.keys.jwks();
  }
}
