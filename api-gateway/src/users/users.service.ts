import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity, UserRole } from './user.entity';

export interface PublicUser {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  createdAt: string;
}

export function toPublicUser(u: UserEntity): PublicUser {
  return { id: Number(u.id), email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString() };
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  findById(id: number | string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id: String(id) } });
  }

  /** Minimal state needed to accept an access token; one indexed PK lookup. */
  async authState(id: number): Promise<{ tokenVersion: number; isDisabled: boolean; role: UserRole } | null> {
    const row = await this.users.findOne({
      where: { id: String(id) },
      select: { id: true, tokenVersion: true, isDisabled: true, role: true },
    });
    return row ? { tokenVersion: row.tokenVersion, isDisabled: row.isDisabled, role: row.role } : null;
  }

  /** Replaces the hash only (a rehash at the current cost); token_version is untouched. */
  async updatePasswordHash(id: number | string, passwordHash: string): Promise<void> {
    await this.users.update({ id: String(id) }, { passwordHash });
  }

  create(data: { email: string; name: string; passwordHash: string; role?: UserRole }): Promise<UserEntity> {
    return this.users.save(this.users.create({ ...data, role: data.role ?? 'customer' }));
  }
}
