import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { preparedQuery, preparedStatement } from '../common/postgres/prepared-query';
import { UserEntity, UserRole } from './user.entity';

const AUTH_STATE = preparedStatement(
  'users.auth-state',
  'SELECT token_version AS "tokenVersion", is_disabled AS "isDisabled", role FROM users WHERE id = $1',
);

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

  /**
   * Minimal state needed to accept an access token: one indexed PK lookup on every authenticated
   * request, so a prepared statement rather than a query built per call.
   */
  async authState(id: number): Promise<{ tokenVersion: number; isDisabled: boolean; role: UserRole } | null> {
    const rows: { tokenVersion: number; isDisabled: boolean; role: UserRole }[] = await preparedQuery(this.users.manager, AUTH_STATE, [
      String(id),
    ]);
    return rows[0] ?? null;
  }

  /** Replaces the hash only (a rehash at the current cost); token_version is untouched. */
  async updatePasswordHash(id: number | string, passwordHash: string): Promise<void> {
    await this.users.update({ id: String(id) }, { passwordHash });
  }

  create(data: { email: string; name: string; passwordHash: string; role?: UserRole }): Promise<UserEntity> {
    return this.users.save(this.users.create({ ...data, role: data.role ?? 'customer' }));
  }
}
