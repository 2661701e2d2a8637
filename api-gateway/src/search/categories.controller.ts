import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator';
import { CategoryTreeService } from './category-tree.service';
import type { CategoryFacetValue } from './query/facets.mapper';

@ApiTags('search')
@Controller('categories')
export class CategoriesController {
  constructor(private readonly tree: CategoryTreeService) {}

  /** The category tree; `count` = searchable products in the node and all its descendants. */
  @Public()
  @Get()
  @ApiOkResponse({ description: '[{value: slug, id, label, count, children: [...]}]' })
  async list(): Promise<{ items: CategoryFacetValue[] }> {
    return { items: await this.tree.treeWithCounts() };
  }
}
