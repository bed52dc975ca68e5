import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  accessTokenCreate,
  checkoutCreate,
  checkoutLinkCreate,
  checkoutLinkUpdate,
  checkoutListQuery,
  customFieldCreate,
  customFieldUpdate,
  discountCreate,
  discountUpdate,
  type ListResource,
  listQuery,
  organizationUpdate,
  productCreate,
  productListQuery,
  productUpdate,
  purchaseExpandQuery,
  purchaseListQuery,
} from '../../src/shared/schemas/index.ts';
import { issueAccessToken, listAccessTokens, revokeAccessToken } from '../core/access-tokens.ts';
import { createCheckout, getCheckout, listCheckouts } from '../core/checkout-api.ts';
import {
  createCheckoutLink,
  deleteCheckoutLink,
  getCheckoutLink,
  listCheckoutLinks,
  updateCheckoutLink,
} from '../core/checkout-links.ts';
import type { CoreContext } from '../core/context.ts';
import {
  createCustomField,
  deleteCustomField,
  getCustomField,
  listCustomFields,
  updateCustomField,
} from '../core/custom-fields.ts';
import { createDiscount, deleteDiscount, getDiscount, listDiscounts, updateDiscount } from '../core/discounts.ts';
import { resendReceipt, withReceipts } from '../core/mail/receipt-outbox.ts';
import { getOrganization, updateOrganization } from '../core/organizations.ts';
import { archiveProduct, createProduct, getProduct, listProducts, updateProduct } from '../core/products.ts';
import { getOrder, getSubscription, listOrders, listSubscriptions } from '../core/purchases.ts';
import { paginate } from '../core/rows.ts';
import { type AuthVariables, requireToken } from './auth.ts';
import { body, idParam, org, query } from './route-input.ts';

/** The management API: everything scoped to the token's organization; a foreign id is a 404. */
export function managementRoutes(ctx: CoreContext) {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use('*', requireToken(ctx));
  // Any write may change what a link resolves to: drop the cached resolutions.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET') ctx.links.clear();
  });

  app.get('/organizations/current', async (c) => c.json(await getOrganization(ctx.db, org(c))));
  app.patch('/organizations/current', async (c) =>
    c.json(await updateOrganization(ctx, org(c), await body(c, organizationUpdate))),
  );

  app.get('/tokens', async (c) => {
    const items = await listAccessTokens(ctx, org(c));
    return c.json(paginate(items, items.length, Math.max(1, items.length)));
  });
  app.post('/tokens', async (c) => c.json(await issueAccessToken(ctx, org(c), await body(c, accessTokenCreate)), 201));
  app.delete('/tokens/:id', async (c) => {
    await revokeAccessToken(ctx, org(c), idParam(c, 'Access token'));
    return c.body(null, 204);
  });

  app.get('/products', async (c) =>
    c.json(await listProducts(ctx, org(c), { ...query(c, listQuery), ...query(c, productListQuery) })),
  );
  app.post('/products', async (c) => c.json(await createProduct(ctx, org(c), await body(c, productCreate)), 201));
  app.get('/products/:id', async (c) => c.json(await getProduct(ctx.db, org(c), idParam(c, 'Product'))));
  app.patch('/products/:id', async (c) =>
    c.json(await updateProduct(ctx, org(c), idParam(c, 'Product'), await body(c, productUpdate))),
  );
  app.delete('/products/:id', async (c) => c.json(await archiveProduct(ctx, org(c), idParam(c, 'Product'))));

  app.get('/custom-fields', async (c) => c.json(await listCustomFields(ctx, org(c), query(c, listQuery))));
  app.post('/custom-fields', async (c) =>
    c.json(await createCustomField(ctx, org(c), await body(c, customFieldCreate)), 201),
  );
  app.get('/custom-fields/:id', async (c) => c.json(await getCustomField(ctx.db, org(c), idParam(c, 'Custom field'))));
  app.patch('/custom-fields/:id', async (c) =>
    c.json(await updateCustomField(ctx, org(c), idParam(c, 'Custom field'), await body(c, customFieldUpdate))),
  );
  app.delete('/custom-fields/:id', async (c) => {
    await deleteCustomField(ctx, org(c), idParam(c, 'Custom field'));
    return c.body(null, 204);
  });

  app.get('/discounts', async (c) => c.json(await listDiscounts(ctx, org(c), query(c, listQuery))));
  app.post('/discounts', async (c) => c.json(await createDiscount(ctx, org(c), await body(c, discountCreate)), 201));
  app.get('/discounts/:id', async (c) => c.json(await getDiscount(ctx.db, org(c), idParam(c, 'Discount'))));
  app.patch('/discounts/:id', async (c) =>
    c.json(await updateDiscount(ctx, org(c), idParam(c, 'Discount'), await body(c, discountUpdate))),
  );
  app.delete('/discounts/:id', async (c) => {
    await deleteDiscount(ctx, org(c), idParam(c, 'Discount'));
    return c.body(null, 204);
  });

  app.get('/checkout-links', async (c) =>
    c.json(
      await listCheckoutLinks(ctx, org(c), {
        ...query(c, listQuery),
        ...query(c, z.object({ product_id: z.uuid().optional() })),
      }),
    ),
  );
  app.post('/checkout-links', async (c) =>
    c.json(await createCheckoutLink(ctx, org(c), await body(c, checkoutLinkCreate)), 201),
  );
  app.get('/checkout-links/:id', async (c) =>
    c.json(await getCheckoutLink(ctx, ctx.db, org(c), idParam(c, 'Checkout link'))),
  );
  app.patch('/checkout-links/:id', async (c) =>
    c.json(await updateCheckoutLink(ctx, org(c), idParam(c, 'Checkout link'), await body(c, checkoutLinkUpdate))),
  );
  app.delete('/checkout-links/:id', async (c) => {
    await deleteCheckoutLink(ctx, org(c), idParam(c, 'Checkout link'));
    return c.body(null, 204);
  });

  app.get('/checkouts', async (c) =>
    c.json(await listCheckouts(ctx, org(c), { ...query(c, listQuery), ...query(c, checkoutListQuery) })),
  );
  app.post('/checkouts', async (c) => c.json(await createCheckout(ctx, org(c), await body(c, checkoutCreate)), 201));
  app.get('/checkouts/:id', async (c) => c.json(await getCheckout(ctx, org(c), idParam(c, 'Checkout'))));

  // With `expand=receipt` orders and subscriptions carry their receipt's status; POST …/receipt emails it again.
  const receipted = async <T extends { id: string }>(c: Context, items: T[]) =>
    query(c, purchaseExpandQuery).expand === 'receipt' ? withReceipts(ctx.db, org(c), items) : items;
  const purchaseList = async <T extends { id: string }>(c: Context, page: ListResource<T>) => ({
    ...page,
    items: await receipted(c, page.items),
  });
  const purchaseQuery = (c: Context) => ({ ...query(c, listQuery), ...query(c, purchaseListQuery) });
  app.get('/orders', async (c) => c.json(await purchaseList(c, await listOrders(ctx, org(c), purchaseQuery(c)))));
  app.get('/orders/:id', async (c) =>
    c.json((await receipted(c, [await getOrder(ctx.db, org(c), idParam(c, 'Order'))]))[0]),
  );
  app.post('/orders/:id/receipt', async (c) =>
    c.json(await resendReceipt(ctx, org(c), 'order', idParam(c, 'Order')), 202),
  );
  app.get('/subscriptions/:id', async (c) =>
    c.json((await receipted(c, [await getSubscription(ctx.db, org(c), idParam(c, 'Subscription'))]))[0]),
  );
  app.post('/subscriptions/:id/receipt', async (c) =>
    c.json(await resendReceipt(ctx, org(c), 'subscription', idParam(c, 'Subscription')), 202),
  );
  app.get('/subscriptions', async (c) =>
    c.json(await purchaseList(c, await listSubscriptions(ctx, org(c), purchaseQuery(c)))),
  );
  return app;
}
