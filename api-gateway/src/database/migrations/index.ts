import { CreateIdentityTables1764028800001 } from './1764028800001-CreateIdentityTables';
import { CreateCatalogTables1764028800002 } from './1764028800002-CreateCatalogTables';
import { CreateOrderTables1764028800003 } from './1764028800003-CreateOrderTables';
import { CreateIntegrationTables1764028800004 } from './1764028800004-CreateIntegrationTables';

/**
 * The runtime schema owner. Listed explicitly (no glob) so the same list works under
 * ts-node, jest and compiled dist/. Every migration here has a twin in
 * admin-service/database/migrations; test/schema/schema-parity.e2e-spec.ts proves they agree.
 */
export const migrations = [
  CreateIdentityTables1764028800001,
  CreateCatalogTables1764028800002,
  CreateOrderTables1764028800003,
  CreateIntegrationTables1764028800004,
];
