import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AuthService } from '../auth/auth.service';
import { flattenValidationErrors, ValidationFailedException } from '../common/errors/validation.exception';
import type { AuthenticatedUser } from '../common/http/request-context';
import { CreateOrderDto } from '../orders/dto/create-order.dto';
import { ListOrdersQuery } from '../orders/dto/list-orders.query';
import { requireIdempotencyKey } from '../orders/idempotency-key';
import { OrderPlacementService } from '../orders/order-placement.service';
import { OrderQueriesService } from '../orders/order-queries.service';
import { ProductsService } from '../products/products.service';
import { ProductListService } from '../search/product-list.service';
import { CategoryTreeService } from '../search/category-tree.service';
import type { CategoryFacetValue } from '../search/query/facets.mapper';

export interface GraphQLContext {
  user?: AuthenticatedUser;
  /** Set by `products` when the page came from the fallback: the HTTP answer gets X-Search-Degraded. */
  searchDegraded?: boolean;
}

interface ProductSearchInput {
  q?: string;
  category?: string;
  brands?: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  attributes?: { name: string; values: string[] }[];
  sort?: string;
  page?: number;
  pageSize?: number;
  cursor?: string;
}

/** GraphQL input -> the REST query map, so parseProductQuery applies the very same rules. */
export function searchInputToQuery(s: ProductSearchInput = {}): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined && v !== null) raw[k] = Array.isArray(v) ? v.map(String) : String(v);
  };
  put('q', s.q);
  put('category', s.category);
  put('brand', s.brands);
  put('minPrice', s.minPrice);
  put('maxPrice', s.maxPrice);
  put('inStock', s.inStock);
  put('sort', s.sort);
  put('page', s.page);
  put('pageSize', s.pageSize);
  put('cursor', s.cursor);
  for (const a of s.attributes ?? []) put(`attr.${a.name}`, a.values);
  return raw;
}

const toCategory = (c: CategoryFacetValue): unknown => ({
  id: c.id,
  slug: c.value,
  label: c.label,
  count: c.count,
  children: c.children.map(toCategory),
});

/** Root resolvers of /graphql, thin wrappers over the services behind REST. */
@Injectable()
export class GraphQLResolvers {
  constructor(
    private readonly lists: ProductListService,
    private readonly products: ProductsService,
    private readonly categories: CategoryTreeService,
    private readonly auth: AuthService,
    private readonly orders: OrderQueriesService,
    private readonly placement: OrderPlacementService,
  ) {}

  rootValue() {
    return {
      // the same path and Redis cache as GET /api/products
      products: async ({ search }: { search?: ProductSearchInput }, ctx: GraphQLContext) => {
        const { page } = await this.lists.list(searchInputToQuery(search));
        if (page.degraded) ctx.searchDegraded = true;
        return {
          ...page,
          degraded: page.degraded === true,
          facets: Object.entries(page.facets ?? {}).map(([name, values]) => ({ name, values })),
        };
      },
      // the same path and Redis cache as GET /api/products/:id
      product: async ({ id }: { id: number }) =>
        (await this.products.getPublic(id).catch((e: unknown) => (e instanceof NotFoundException ? undefined : Promise.reject(e))))
          ?.product ?? null,
      categories: async () => (await this.categories.treeWithCounts()).map(toCategory),
      me: (_: unknown, ctx: GraphQLContext) => this.auth.me(requireUser(ctx)),
      myOrders: async (args: { page: number; pageSize: number }, ctx: GraphQLContext) => {
        const user = requireUser(ctx);
        const q = await validated(ListOrdersQuery, args);
        return this.orders.listMine(user, q.page, q.pageSize);
      },
      createOrder: async ({ input, idempotencyKey }: { input: unknown; idempotencyKey: string }, ctx: GraphQLContext) => {
        const user = requireUser(ctx);
        const key = requireIdempotencyKey(idempotencyKey);
        const dto = await validated(CreateOrderDto, input);
        return (await this.placement.place(user, dto, key)).order;
      },
    };
  }
}

function requireUser(ctx: GraphQLContext): AuthenticatedUser {
  if (!ctx.user) throw new UnauthorizedException('Authentication required');
  return ctx.user;
}

/** Same class-validator DTOs and options as the REST ValidationPipe (whitelist + forbid unknown). */
async function validated<T extends object>(cls: new () => T, input: unknown): Promise<T> {
  const dto = plainToInstance(cls, JSON.parse(JSON.stringify(input ?? {})) as object);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new ValidationFailedException(flattenValidationErrors(errors));
  return dto;
}
