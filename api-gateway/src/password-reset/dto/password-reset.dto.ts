import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ForgotPasswordDto {
  @ApiProperty({ example: 'admin@example.com' })
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ['admin', 'storefront'], description: 'Which app the mailed link opens' })
  @IsIn(['admin', 'storefront'])
  context: 'admin' | 'storefront';
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'admin@example.com' })
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: 'The token from the mailed link (43 base64url characters)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token is malformed' })
  token: string;

  @ApiProperty({ description: "The new password (the gateway's password policy applies)" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class VerifyPasswordDto {
  @ApiProperty({ description: "The signed-in user's current password" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
