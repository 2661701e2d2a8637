/** SDL of /graphql. Types mirror the REST contracts (ProductView, OrderView, PublicUser). */
export const TYPE_DEFS = /* GraphQL */ `
  scalar JSON

  type CategoryRef {
    id: Int!
    slug: String!
    name: String!
    path: [String!]!
  }
  type Product {
    id: Int!
    sku: String!
    name: String!
    slug: String!
    description: String!
    price: Float!
    currency: String!
    brand: String!
    category: CategoryRef!
    attributes: JSON!
    inStock: Boolean!
    stock: Int!
    images: [String!]!
    createdAt: String!
    updatedAt: String!
  }
  type FacetValue {
    value: String!
    count: Int!
  }
  type Facet {
    name: String!
    values: [FacetValue!]!
  }
  type ProductPage {
    items: [Product!]!
    total: Int!
    totalRelation: String!
    "null on a cursor page (it has no page number)"
    page: Int
    pageSize: Int!
    nextCursor: String
    facets: [Facet!]!
    "true while the search node is away: served from PostgreSQL (HTTP header X-Search-Degraded: true)"
    degraded: Boolean!
  }
  enum ProductSort {
    relevance
    price_asc
    price_desc
    newest
  }
  input AttributeFilter {
    name: String!
    values: [String!]!
  }
  input ProductSearchInput {
    q: String
    category: String
    brands: [String!]
    minPrice: Float
    maxPrice: Float
    inStock: Boolean
    attributes: [AttributeFilter!]
    sort: ProductSort
    page: Int
    pageSize: Int
    cursor: String
  }
  type Category {
    id: Int!
    slug: String!
    label: String!
    count: Int!
    children: [Category!]!
  }
  type User {
    id: Int!
    email: String!
    name: String!
    role: String!
    createdAt: String!
  }

  type OrderLine {
    productId: Int!
    sku: String!
    name: String!
    unitPrice: Float!
    quantity: Int!
    lineTotal: Float!
  }
  type Payment {
    provider: String!
    status: String!
    providerRef: String
    amount: Float!
  }
  type Address {
    name: String!
    line1: String!
    line2: String
    city: String!
    postalCode: String!
    country: String!
  }
  type Order {
    id: Int!
    number: String!
    status: String!
    currency: String!
    subtotal: Float!
    total: Float!
    shippingAddress: Address!
    items: [OrderLine!]!
    payment: Payment
    createdAt: String!
    updatedAt: String!
  }
  type OrderPage {
    items: [Order!]!
    total: Int!
    page: Int!
    pageSize: Int!
  }
  input OrderItemInput {
    productId: Int!
    quantity: Int!
  }
  input AddressInput {
    name: String!
    line1: String!
    line2: String
    city: String!
    postalCode: String!
    country: String!
  }
  input PaymentInput {
    method: String!
    token: String!
  }
  input CreateOrderInput {
    items: [OrderItemInput!]!
    shippingAddress: AddressInput!
    payment: PaymentInput!
  }

  type Query {
    products(search: ProductSearchInput): ProductPage!
    product(id: Int!): Product
    categories: [Category!]!
    me: User!
    myOrders(page: Int = 1, pageSize: Int = 20): OrderPage!
  }
  type Mutation {
    createOrder(input: CreateOrderInput!, idempotencyKey: String!): Order!
  }
`;
