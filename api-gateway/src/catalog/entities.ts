import { RefreshTokenEntity } from '../users/refresh-token.entity';
import { UserEntity } from '../users/user.entity';
import { BrandEntity } from './brand.entity';
import { CategoryEntity } from './category.entity';
import { InventoryEntity } from './inventory.entity';
import { ProductImageEntity } from './product-image.entity';
import { ProductEntity } from './product.entity';

/** Every entity the gateway maps (the schema itself is owned by the migrations in src/database). */
export const GATEWAY_ENTITIES = [
  UserEntity, RefreshTokenEntity, CategoryEntity, BrandEntity, ProductEntity, InventoryEntity, ProductImageEntity,
];
