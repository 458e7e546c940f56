import { createKeyLoader, type RequestContext, type ServiceDependencies } from '@rapport/service-kit';
import { createLinesOfOrderLoader, createOrdersOfCustomerLoader } from './modules/order/order.loader.js';
import { OrderService } from './modules/order/order.service.js';
import type { ProductModel } from './modules/product/product.model.js';
import { ProductService } from './modules/product/product.service.js';
import { createRevenueLoader } from './modules/revenue/revenue.loader.js';
import { RevenueService } from './modules/revenue/revenue.service.js';

export interface SalesContext extends RequestContext {
  services: {
    products: ProductService;
    orders: OrderService;
  };
  loaders: {
    revenue: ReturnType<typeof createRevenueLoader>;
    product: ReturnType<typeof createKeyLoader<ProductModel>>;
    ordersOfCustomer: ReturnType<typeof createOrdersOfCustomerLoader>;
    linesOfOrder: ReturnType<typeof createLinesOfOrderLoader>;
  };
}

export function createSalesContext(base: RequestContext, dependencies: ServiceDependencies): SalesContext {
  const { dataSource } = dependencies;
  const auth = () => base.auth;
  const services = {
    products: new ProductService(dataSource),
    orders: new OrderService(dataSource),
  };
  return {
    ...base,
    services,
    loaders: {
      revenue: createRevenueLoader(new RevenueService(dataSource), auth),
      product: createKeyLoader<ProductModel>((ids) => services.products.findByIds(auth(), ids), (product) => product.id),
      ordersOfCustomer: createOrdersOfCustomerLoader(services.orders, auth),
      linesOfOrder: createLinesOfOrderLoader(services.orders, auth),
    },
  };
}
