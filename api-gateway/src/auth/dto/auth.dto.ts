import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'jane@example.com', maxLength: 254 })
  @Transform(trim) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sup3r-secret-pass', minLength: 10, description: '>= 10 chars, letters and digits, not the email' })
  @IsString() @MinLength(10) @MaxLength(72)
  password: string;

  @ApiProperty({ example: 'Jane Doe', maxLength: 120 })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(120)
  name: string;
}

export class LoginDto {
  @ApiProperty({ example: 'jane@example.com' })
  @Transform(trim) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sup3r-secret-pass' })
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ example: 'q3V0c2lkZS1vZi10aGUtYm94LXRva2Vu...' })
  @IsString() @MinLength(20) @MaxLength(200)
  refreshToken: string;
}

export class UserView {
  @ApiProperty({ example: 42 }) id: number;
  @ApiProperty({ example: 'jane@example.com' }) email: string;
  @ApiProperty({ example: 'Jane Doe' }) name: string;
  @ApiProperty({ enum: ['customer', 'admin'], example: 'customer' }) role: string;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) createdAt: string;
}

export class TokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...' }) accessToken: string;
  @ApiProperty({ example: 'q3V0c2lkZS1vZi10aGUtYm94LXRva2Vu' }) refreshToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 900, description: 'access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: UserView }) user: UserView;
}
