import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'categories' })
export class CategoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'parent_id', type: 'bigint', nullable: true }) parentId: string | null;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'varchar', length: 120 }) slug: string;
  /** Materialized path of ids ('/1/7/23/'), maintained by a DB trigger. */
  @Column({ type: 'text', insert: false, update: false }) path: string;
  @Column({ type: 'smallint', insert: false, update: false }) depth: number;
  @Column({ type: 'integer', default: 0 }) position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
