import { Body, Controller, Get, Param, Post, Put, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
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
import { SuggestResponse, SuggestService } from '../search/suggest.service';
import { ProductInputDto } from './dto/product-input.dto';
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
  @ApiOkResponse({ type: ProductPage })
  @ApiQuery({ name: 'q', required: false, description: 'full-text query, max 200 chars', example: 'organic shirt' })
  @ApiQuery({ name: 'category', required: false, description: 'category slug or id; includes descendants', example: 'clothing' })
  @ApiQuery({ name: 'brand', required: false, isArray: true, description: 'repeatable', example: ['acme'] })
  @ApiQuery({ name: 'minPrice', required: false, example: 10 })
  @ApiQuery({ name: 'maxPrice', required: false, example: 50 })
  @ApiQuery({ name: 'inStock', required: false, type: Boolean })
  @ApiQuery({ name: 'attr.<name>', required: false, description: 'repeatable attribute filter, e.g. attr.color=red' })
  @ApiQuery({ name: 'sort', required: false, enum: SORTS })
  @ApiQuery({ name: 'page', required: false, example: 1 })
  @ApiQuery({ name: 'pageSize', required: false, example: 24, description: '1-100' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of a previous page' })
  @ApiQuery({
    name: 'consistentWith',
    required: false,
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
  @ApiQuery({ name: 'q', required: true, description: 'prefix typed so far (1-100 chars)', example: 'org' })
  @ApiOkResponse({ description: '{q, suggestions: [{id, name, slug, brand}] (max 10), tookMs}' })
  suggest(@Query('q') q: unknown): Promise<SuggestResponse> {
    return this.suggestions.suggest(SuggestService.parse(q));
  }

  @Public()
  @Get('by-slug/:slug')
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
  @ApiOkResponse({ type: ProductView })
  async get(@Param('id', ParseIdPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<ProductView> {
    const { product, cache } = await this.products.getPublic(id);
    res.setHeader('X-Cache', cache);
    return product;
  }

  @Roles('admin')
  @Post()
  @UseInterceptors(ConsistencyTokenInterceptor)
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: ProductView })
  create(@Body() dto: ProductInputDto): Promise<ProductView> {
    return this.products.create(dto);
  }

  @Roles('admin')
  @Put(':id')
  @UseInterceptors(ConsistencyTokenInterceptor)
  @ApiBearerAuth()
  @ApiOkResponse({ type: ProductView })
  update(@Param('id', ParseIdPipe) id: number, @Body() dto: ProductInputDto): Promise<ProductView> {
    return this.products.update(id, dto);
  }
}
