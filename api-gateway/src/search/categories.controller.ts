import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator';
import { CategoryTreeService } from './category-tree.service';
import type { CategoryFacetValue } from './query/facets.mapper';

class CategoryNodeView {
  @ApiProperty({ example: 'jeans', description: 'slug' }) value: string;
  @ApiProperty({ example: 23 }) id: number;
  @ApiProperty({ example: 'Jeans' }) label: string;
  @ApiProperty({ example: 120, description: 'searchable products in this node and its descendants' }) count: number;
  @ApiProperty({ type: () => [CategoryNodeView] }) children: CategoryNodeView[];
}

class CategoryTreeView {
  @ApiProperty({ type: [CategoryNodeView], description: 'root categories, children nested' }) items: CategoryNodeView[];
}

@ApiTags('search')
@Controller('categories')
export class CategoriesController {
  constructor(private readonly tree: CategoryTreeService) {}

  /** The category tree; `count` = searchable products in the node and all its descendants. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'The category tree with the number of searchable products per node' })
  @ApiOkResponse({ type: CategoryTreeView })
  async list(): Promise<{ items: CategoryFacetValue[] }> {
    return { items: await this.tree.treeWithCounts() };
  }
}
