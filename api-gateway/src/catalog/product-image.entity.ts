import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'product_images' })
export class ProductImageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'product_id', type: 'bigint' }) productId: string;
  @Column({ type: 'varchar', length: 500 }) path: string;
  @Column({ type: 'integer', default: 0 }) position: number;
  @Column({ type: 'enum', enum: ['pending', 'processing', 'ready', 'failed'], enumName: 'image_status', default: 'pending' }) status: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
