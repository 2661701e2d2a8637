import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrdersModule } from '../orders/orders.module';
import { ProductsModule } from '../products/products.module';
import { SearchModule } from '../search/search.module';
import { GraphQLHttpService } from './graphql-http.service';
import { GraphQLResolvers } from './graphql-resolvers';

/** /graphql beside REST, on the same services. */
@Module({
  imports: [AuthModule, ProductsModule, SearchModule, OrdersModule],
  providers: [GraphQLResolvers, GraphQLHttpService],
})
export class GraphqlApiModule {}
