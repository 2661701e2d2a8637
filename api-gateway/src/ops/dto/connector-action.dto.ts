import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsIP, IsOptional, Min, ValidateNested } from 'class-validator';

export class ActorDto {
  @ApiProperty({ description: 'users.id of the admin who pressed the button', example: 1 })
  @IsInt()
  @Min(1)
  userId: number;

  @ApiPropertyOptional({ description: "The admin's client IP, for the audit log", example: '192.0.2.10' })
  @IsOptional()
  @IsIP()
  ip?: string;
}

export class ConnectorActionDto {
  @ApiPropertyOptional({ type: ActorDto, description: 'On whose behalf the service acts (recorded in admin_audit_log)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActorDto)
  actor?: ActorDto;
}

export class ConnectorActionResult {
  @ApiProperty({ enum: ['restarted', 'resumed'] }) action: 'restarted' | 'resumed';
  @ApiProperty({ example: 'commerce-catalog-postgres' }) connector: string;
  @ApiProperty({ example: 'FAILED', description: 'Connector state before the action' }) previousState: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'RESTARTING',
    description: "Connector state in Connect's answer to a restart; null for a resume (Connect answers without a body)",
  })
  connectState: string | null;
  @ApiProperty({ description: 'admin_audit_log.id of the recorded action' }) auditId: number;
}
