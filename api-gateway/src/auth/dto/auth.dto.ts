import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'jane@example.com', maxLength: 254 })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({
    example: 'Sup3r-secret-pass',
    minLength: 12,
    description: '12-72 chars, letters and digits, 5+ different characters, not a common password, not the email',
  })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Jane Doe', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;
}

export class LoginDto {
  @ApiProperty({ example: 'jane@example.com' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sup3r-secret-pass' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ required: false, example: '0.q3V0c2lkZS1vZi10aGUtYm94LXRva2Vu...', description: 'omit to use the refresh_token cookie' })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}

export class LogoutDto {
  @ApiProperty({
    required: false,
    description: "ends this refresh family too (else the refresh_token cookie, else the access token's session)",
  })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}

export class UserView {
  @ApiProperty({ example: 42 }) id: number;
  @ApiProperty({ example: 'jane@example.com' }) email: string;
  @ApiProperty({ example: 'Jane Doe' }) name: string;
  @ApiProperty({ enum: ['customer', 'admin'], example: 'customer' }) role: string;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) createdAt: string;
}

export class SessionView {
  @ApiProperty({ type: UserView, nullable: true }) user: UserView | null;
  @ApiProperty({
    description: 'no valid access token, but a refresh_token cookie was sent: POST /api/auth/refresh may restore the session',
  })
  refreshable: boolean;
}

export class TokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...', description: 'absent when the tokens were set as cookies' })
  accessToken: string;
  @ApiProperty({ example: '0.q3V0c2lkZS1vZi10aGUtYm94LXRva2Vu', description: 'absent when the tokens were set as cookies' })
  refreshToken: string;
  @ApiProperty({ enum: ['Bearer', 'Cookie'], example: 'Bearer' }) tokenType: 'Bearer' | 'Cookie';
  @ApiProperty({ example: 900, description: 'access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ example: 2592000, description: 'seconds left in the session (refresh family); rotation does not extend it' })
  refreshExpiresIn: number;
  @ApiProperty({ type: UserView }) user: UserView;
}
