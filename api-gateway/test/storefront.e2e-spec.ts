/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { AddressInfo } from 'net';
import { Browser, chromium, Page } from 'playwright-core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProductReader } from '../src/catalog/product-reader';
import { ProductDocumentSource } from '../src/search/documents/product-document.source';
import { VerifyService } from '../src/search/maintenance/verify.service';
import { ensureCatalog, SearchContext, startSearchApp } from './search-e2e.support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The storefront page at / in headless Chromium against the real API (seeded catalog in ES). */
describe('storefront search page (headless Chromium)', () => {
  let ctx: SearchContext;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ctx = await startSearchApp({ storefront: true });
    await ensureCatalog(ctx.db);
    const source = new ProductDocumentSource(ctx.app.get<DataSource>(getDataSourceToken()), ctx.app.get(ProductReader, { strict: false }));
    await new VerifyService(ctx.es, ctx.settings, source).run({ repair: true }); // index == catalog, even right after a seed
    await ctx.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    page = await browser.newPage();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const results = () => page.locator('[data-testid=result]');
  const ids = async () => results().evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));

  it('type with autocomplete, tick a facet, sort and paginate', async () => {
    await page.goto(`${base}/`);
    await results().first().waitFor();
    expect(await results().count()).toBe(24);
    await expect(page.locator('[data-testid=total]').textContent()).resolves.toMatch(/products/);

    // autocomplete: the first word of a real product name
    const [row] = (await ctx.db.query(`SELECT name FROM products WHERE status = 'active' AND deleted_at IS NULL ORDER BY id LIMIT 1`)).rows;
    const prefix = (row.name as string).split(' ')[0].slice(0, 4).toLowerCase();
    await page.locator('[data-testid=search-input]').pressSequentially(prefix, { delay: 30 });
    const suggestion = page.locator('[data-testid=suggestion]').first();
    await suggestion.waitFor();
    const chosen = ((await suggestion.evaluate((e) => e.firstChild?.textContent)) ?? '').trim();
    expect(chosen.toLowerCase()).toContain(prefix);
    await suggestion.click();
    await page.waitForURL((u) => u.searchParams.get('q') === chosen);
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('[data-testid=result] .name')].some((h) => h.textContent === name),
      chosen,
    );

    // back to browsing, tick the first brand
    await page.goto(`${base}/`);
    await results().first().waitFor();
    const brandBox = page.locator('[data-testid=brand-option]').first();
    const brand = (await brandBox.getAttribute('data-value'))!;
    await brandBox.check();
    await page.waitForURL((u) => u.searchParams.getAll('brand').includes(brand));
    await page.waitForFunction((b) => {
      const cards = [...document.querySelectorAll('[data-testid=result] .brand')];
      return cards.length > 0 && cards.every((c) => c.textContent === b);
    }, brand);
    const facetCount = Number(((await brandBox.locator('xpath=..').textContent()) ?? '').match(/\((\d+)\)/)![1]);
    await expect(page.locator('[data-testid=total]').textContent()).resolves.toBe(
      facetCount > 10000 ? 'more than 10000 products' : `${facetCount} products`,
    );

    // sort by price and paginate
    await page.locator('[data-testid=sort]').selectOption('price_asc');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'price_asc');
    await page.waitForFunction(() => {
      const prices = [...document.querySelectorAll<HTMLElement>('[data-testid=result] .price')].map((p) =>
        parseFloat(p.dataset.price ?? ''),
      );
      return prices.length > 1 && prices.every((p, i) => i === 0 || p >= prices[i - 1]);
    });
    const firstPage = await ids();
    if (facetCount > 24) {
      await page.locator('[data-testid=next-page]').click();
      await page.waitForURL((u) => u.searchParams.get('page') === '2');
      await page.waitForFunction((first) => {
        const now = [...document.querySelectorAll('[data-testid=result]')].map((e) => (e as HTMLElement).dataset.id);
        return now.length > 0 && now.every((id) => !first.includes(id!));
      }, firstPage);
      await expect(page.locator('[data-testid=page-number]').textContent()).resolves.toMatch(/^Page 2 of/);
      await page.locator('[data-testid=prev-page]').click();
      await page.waitForURL((u) => u.searchParams.get('page') === '1');
      await page.waitForFunction(
        (first) => [...document.querySelectorAll('[data-testid=result]')].map((e) => (e as HTMLElement).dataset.id).join() === first.join(),
        firstPage,
      );
    }
  }, 120000);

  it('a search that finds nothing offers "did you mean" as a link that runs the corrected search', async () => {
    await page.goto(`${base}/?q=${encodeURIComponent('wrless hedphnes')}`);
    await page.locator('[data-testid=did-you-mean-link]').waitFor();
    const link = page.locator('[data-testid=did-you-mean-link]');
    await expect(link.textContent()).resolves.toBe('wireless headphones');
    await page.screenshot({ path: '/tmp/storefront-did-you-mean.png' });
    await link.click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'wireless headphones');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length > 0);
    await expect(page.locator('[data-testid=did-you-mean]').isHidden()).resolves.toBe(true);
  }, 60000);
});
