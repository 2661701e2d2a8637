import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ProductStatus = 'draft' | 'active';
export type AttributeMap = Record<string, string | number>;

@Entity({ name: 'products' })
export class ProductEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 64 }) sku: string;
  @Column({ type: 'varchar', length: 255 }) name: string;
  @Column({ type: 'varchar', length: 255 }) slug: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ type: 'numeric', precision: 12, scale: 2 }) price: string;
  @Column({ type: 'char', length: 3, default: 'USD' }) currency: string;
  @Column({ name: 'category_id', type: 'bigint' }) categoryId: string;
  @Column({ name: 'brand_id', type: 'bigint' }) brandId: string;
  @Column({ type: 'enum', enum: ['draft', 'active'], enumName: 'product_status', default: 'active' }) status: ProductStatus;
  @Column({ type: 'jsonb', default: {} }) attributes: AttributeMap;
  /** Incremented by a DB trigger on every UPDATE. */
  @Column({ type: 'integer', insert: false, update: false }) version: number;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
