import { startApp, TestContext } from './support/test-app';

type Schema = { $ref?: string; type?: string; items?: Schema; properties?: Record<string, Schema>; allOf?: Schema[] };
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Parameter = { name: string; in: string; style?: string; explode?: boolean; schema?: Schema };
type Operation = {
  'x-auth'?: string;
  summary?: string;
  parameters?: Parameter[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, Response>;
};
type Doc = {
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/**
 * Walks the served OpenAPI document: every operation has a summary, a response schema (204/202
 * excepted) and its error statuses, each with the one error schema. The rules follow the gateway's
 * behaviour: input (parameters or a body) can be rejected with 400, a secured route with 401, an
 * id or slug in the path can be missing (404).
 */
describe('OpenAPI document (GET /api/docs-json)', () => {
  let ctx: TestContext;
  let doc: Doc;
  beforeAll(async () => {
    ctx = await startApp();
    doc = (await ctx.http().get('/api/docs-json').expect(200)).body as Doc;
  });
  afterAll(async () => {
    await ctx.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, path, op })),
    );

  it('documents every operation: summary, success schema, error statuses with the error schema', () => {
    const problems: string[] = [];
    for (const { id, path, op } of operations()) {
      if (!op.summary?.trim()) problems.push(`${id}: no summary`);
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => /^2\d\d$/.test(s));
      if (!success.length) problems.push(`${id}: no 2xx response`);
      for (const s of success) {
        if (s !== '204' && !op.responses[s].content?.['application/json']?.schema) problems.push(`${id}: ${s} has no schema`);
      }
      const input = (op.parameters ?? []).some((p) => p.in !== 'header') || !!op.requestBody;
      if (input && !statuses.includes('400')) problems.push(`${id}: takes input but documents no 400`);
      // optional auth (x-auth: optional): a token is used when present, its absence is no error
      if (op.security?.length && op['x-auth'] !== 'optional' && !statuses.includes('401'))
        problems.push(`${id}: secured but documents no 401`);
      if (/\{(id|slug)\}/.test(path) && !statuses.includes('404')) problems.push(`${id}: path id but documents no 404`);
      for (const s of statuses.filter((x) => Number(x) >= 400)) {
        const ref = op.responses[s].content?.['application/json']?.schema?.$ref;
        // readiness answers 503 with its own report (the terminus body), everything else with ErrorBody
        const expected = path === '/health/ready' ? '#/components/schemas/ReadyView' : '#/components/schemas/ErrorBodyDto';
        if (ref !== expected) problems.push(`${id}: ${s} without the error schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the error schema, no stray empty Object schema, and an info text that names every area', () => {
    expect(doc.components.schemas.ErrorBodyDto.properties).toEqual(
      expect.objectContaining({
        statusCode: expect.anything(),
        message: expect.anything(),
        details: expect.anything(),
        requestId: expect.anything(),
      }),
    );
    const strayObject = operations()
      .filter(({ op }) => JSON.stringify(op).includes('#/components/schemas/Object'))
      .map(({ id }) => id);
    expect(strayObject).toEqual([]);
    if (!strayObject.length) expect(doc.components.schemas.Object).toBeUndefined();
    for (const area of ['Identity', 'catalog', 'search', 'orders']) expect(doc.info.description).toContain(area);
  });

  it('documents the attribute filter as a deepObject, and the gateway accepts what Swagger UI sends for it', async () => {
    const attr = doc.paths['/api/products'].get.parameters!.find((p) => p.name === 'attr');
    expect(attr).toEqual(expect.objectContaining({ in: 'query', style: 'deepObject', explode: true }));
    expect(doc.paths['/api/products'].get.parameters!.some((p) => p.name.includes('<'))).toBe(false);
    // "Try it out" serializes {color: 'red'} as attr[color]=red
    const res = await ctx.http().get('/api/products').query('attr%5Bcolor%5D=red&pageSize=1').expect(200);
    expect(res.body.items).toEqual(expect.any(Array));
    const bad = await ctx.http().get('/api/products').query('attr%5Bbad%20name%5D=x').expect(400);
    expect(bad.body.details[0].field).toBe('attr[bad name]');
  });

  it('an error answer matches the documented error schema', async () => {
    const res = await ctx.http().get('/api/products/0').expect(400);
    const props = Object.keys(doc.components.schemas.ErrorBodyDto.properties!);
    for (const key of Object.keys(res.body)) expect(props).toContain(key);
    expect(res.body).toEqual(
      expect.objectContaining({ statusCode: 400, error: 'Bad Request', requestId: expect.any(String), path: '/api/products/0' }),
    );
  });
});
