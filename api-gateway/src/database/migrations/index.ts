import { CreateIdentityTables1795564800001 } from './1795564800001-CreateIdentityTables';
import { CreateCatalogTables1795564800002 } from './1795564800002-CreateCatalogTables';
import { CreateOrderTables1795564800003 } from './1795564800003-CreateOrderTables';
import { CreateIntegrationTables1795564800004 } from './1795564800004-CreateIntegrationTables';
import { SetCatalogReplicaIdentity1795564800005 } from './1795564800005-SetCatalogReplicaIdentity';
import { AddAdminIdentityTables1795996800001 } from './1795996800001-AddAdminIdentityTables';
import { AddInventoryAvailableIndex1796040000001 } from './1796040000001-AddInventoryAvailableIndex';
import { AddOrderStatusHistory1796050000001 } from './1796050000001-AddOrderStatusHistory';
import { AddCatalogAdminColumns1796100000001 } from './1796100000001-AddCatalogAdminColumns';
import { DropOutboxPublishedAt1796104800001 } from './1796104800001-DropOutboxPublishedAt';

/**
 * The runtime schema owner. Listed explicitly (no glob) so the same list works under
 * ts-node, jest and compiled dist/. Every migration here has a twin in
 * admin-service/database/migrations; test/schema/schema-parity.e2e-spec.ts proves they agree.
 */
export const migrations = [
  CreateIdentityTables1795564800001,
  CreateCatalogTables1795564800002,
  CreateOrderTables1795564800003,
  CreateIntegrationTables1795564800004,
  SetCatalogReplicaIdentity1795564800005,
  AddAdminIdentityTables1795996800001,
  AddInventoryAvailableIndex1796040000001,
  AddOrderStatusHistory1796050000001,
  AddCatalogAdminColumns1796100000001,
  DropOutboxPublishedAt1796104800001,
];
