import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/error-responses';
import type { Response } from 'express';
import { ProductPage, ProductPageView, ProductView } from '../catalog/product.view';
import { SORTS } from '../catalog/product-query';
import { OptionalAuth } from '../common/decorators/optional-auth.decorator';
import { Public } from '../common/decorators/public.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ValidationFailedException } from '../common/errors/validation.exception';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import type { GatewayRequest } from '../common/http/request-context';
import { RecordSearch } from '../search-events/record-search.decorator';
import { ConsistencyTokenInterceptor } from '../search/consistency/consistency-token.interceptor';
import { ProductListResult, ProductListService } from '../search/product-list.service';
import { SuggestResponse, SuggestResponseView, SuggestService } from '../search/suggest.service';
import { ProductInputDto, ProductPatchDto } from './dto/product-input.dto';
import { ProductPageService } from './product-page.service';
import { ProductsService } from './products.service';
import { SLUG_PATTERN } from './slug';

/** How a list answer was produced, as response headers. */
function listHeaders(res: Response, r: ProductListResult): void {
  res.setHeader('X-Cache', r.cache);
  if (r.consistency) res.setHeader('X-Consistency', r.consistency);
  if (r.page.degraded) res.setHeader('X-Search-Degraded', 'true');
}

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly lists: ProductListService,
    private readonly suggestions: SuggestService,
    private readonly pages: ProductPageService,
  ) {}

  @Public()
  @Get()
  @RecordSearch()
  @ApiOperation({ summary: 'Search and browse products: full text, filters, facets, sort, pages or cursors' })
  @ApiOkResponse({ type: ProductPage, description: 'X-Cache: hit|miss|bypass; X-Search-Degraded: true while served from PostgreSQL' })
  @ApiErrors(
    [400, 'A bad parameter (unknown ones included): `details[]` names each'],
    [401, '`consistentWith` without an admin token'],
    [403, '`consistentWith` with a non-admin token'],
    [503, 'The search node is away and this request cannot be served from PostgreSQL (a cursor of the index); see Retry-After'],
  )
  @ApiQuery({ name: 'q', required: false, type: String, description: 'full-text query, max 200 chars', example: 'organic shirt' })
  @ApiQuery({
    name: 'category',
    required: false,
    type: String,
    description: 'category slug or id; includes descendants',
    example: 'clothing',
  })
  @ApiQuery({ name: 'brand', required: false, type: String, isArray: true, description: 'repeatable (name or slug)', example: ['acme'] })
  @ApiQuery({ name: 'minPrice', required: false, type: Number, example: 10 })
  @ApiQuery({ name: 'maxPrice', required: false, type: Number, example: 50 })
  @ApiQuery({ name: 'inStock', required: false, type: Boolean })
  @ApiQuery({
    name: 'attr',
    required: false,
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', additionalProperties: { type: 'string' }, example: { color: 'red' } },
    description:
      'attribute filters: `attr[color]=red` (deepObject) or the short form `attr.color=red`; repeat a name for OR, several names AND',
  })
  @ApiQuery({ name: 'sort', required: false, enum: SORTS })
  @ApiQuery({ name: 'page', required: false, type: Number, example: 1 })
  @ApiQuery({ name: 'pageSize', required: false, type: Number, example: 24, description: '1-100' })
  @ApiQuery({ name: 'cursor', required: false, type: String, description: 'nextCursor of a previous page' })
  @ApiQuery({
    name: 'consistentWith',
    required: false,
    type: String,
    description:
      'admins only (Bearer or cookie): X-Consistency-Token of a product write; waits (max 5 s, polling with backoff) until the index applied it; X-Consistency: applied|stale',
  })
  @OptionalAuth()
  async list(
    @Query() raw: Record<string, unknown>,
    @Req() req: GatewayRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProductPage> {
    const result = await this.lists.list(raw, req.user);
    listHeaders(res, result);
    return result.page;
  }

  @Public()
  @Get('suggest')
  @ApiOperation({ summary: 'Autocomplete: up to 10 products whose name words start with the typed words' })
  @ApiQuery({ name: 'q', required: true, type: String, description: 'prefix typed so far (1-100 chars)', example: 'org' })
  @ApiOkResponse({ type: SuggestResponseView })
  @ApiErrors([400, '`q` missing, repeated or longer than 100 characters'], [503, 'The search node is away; see Retry-After'])
  suggest(@Query('q') q: unknown): Promise<SuggestResponse> {
    return this.suggestions.suggest(SuggestService.parse(q));
  }

  @Public()
  @Get('by-slug/:slug')
  @ApiOperation({ summary: 'Product page by slug: the public view, gallery and breadcrumb' })
  @ApiErrors([400, '`slug` is not lowercase words joined by hyphens'], [404, 'No active product has this slug'])
  @ApiOkResponse({ type: ProductPageView, description: "active products only (404 otherwise): the storefront's shareable product page" })
  async bySlug(@Param('slug') slug: string, @Res({ passthrough: true }) res: Response): Promise<ProductPageView> {
    if (slug.length > 255 || !SLUG_PATTERN.test(slug)) {
      throw new ValidationFailedException([{ field: 'slug', message: 'slug must be lowercase words joined by hyphens (max 255)' }]);
    }
    const { page, cache } = await this.pages.bySlug(slug);
    res.setHeader('X-Cache', cache);
    return page;
  }

  @Public()
  @Get(':id')
  @OptionalAuth()
  @ApiOperation({ summary: 'One product by id: active ones for everybody (cached), drafts too for an admin (with `status`)' })
  @ApiOkResponse({ type: ProductView })
  @ApiErrors([400, '`id` is not a positive integer'], [404, 'No active product has this id (for an admin: no product, or soft-deleted)'])
  async get(
    @Param('id', ParseIdPipe) id: number,
    @Req() req: GatewayRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProductView> {
    const { product, cache } = req.user?.role === 'admin' ? await this.products.getForAdmin(id) : await this.products.getPublic(id);
    res.setHeader('X-Cache', cache);
    return product;
  }

  @Roles('admin')
  @Post()
  @UseInterceptors(ConsistencyTokenInterceptor)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a product (admin); X-Consistency-Token for read-your-writes' })
  @ApiCreatedResponse({ type: ProductView, description: 'Location: /api/products/<id>' })
  @ApiErrors(400, 401, 403, [409, 'The sku or slug already exists'], [422, '`categoryId` does not exist'])
  async create(@Body() dto: ProductInputDto, @Res({ passthrough: true }) res: Response): Promise<ProductView> {
    const product = await this.products.create(dto);
    res.setHeader('Location', `/api/products/${product.id}`);
    return product;
  }

  @Roles('admin')
  @Put(':id')
  @UseInterceptors(ConsistencyTokenInterceptor)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace a product (admin); an omitted slug keeps the current one' })
  @ApiOkResponse({ type: ProductView })
  @ApiErrors(400, 401, 403, [404, 'No product has this id'], [409, 'The sku or slug already exists'], [422, '`categoryId` does not exist'])
  update(@Param('id', ParseIdPipe) id: number, @Body() dto: ProductInputDto): Promise<ProductView> {
    return this.products.update(id, dto);
  }

  @Roles('admin')
  @Patch(':id')
  @UseInterceptors(ConsistencyTokenInterceptor)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change some fields of a product (admin); the others keep their values' })
  @ApiOkResponse({ type: ProductView })
  @ApiErrors(400, 401, 403, [404, 'No product has this id'], [409, 'The sku or slug already exists'], [422, '`categoryId` does not exist'])
  patch(@Param('id', ParseIdPipe) id: number, @Body() dto: ProductPatchDto): Promise<ProductView> {
    return this.products.patch(id, dto);
  }
}
