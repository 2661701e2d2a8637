import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'inventory' })
export class InventoryEntity {
  @PrimaryColumn({ name: 'product_id', type: 'bigint' }) productId: string;
  @Column({ name: 'on_hand', type: 'integer', default: 0 }) onHand: number;
  @Column({ type: 'integer', default: 0 }) reserved: number;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true }) updatedAt: Date | null;
}
