import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { ChargeResult } from '../payments/payment-provider';
import type { OrderQueriesService, OrderView } from './order-queries.service';
import type { ReservedOrder } from './order-reservation.service';
import type { OrderHead, OrderRepository } from './order.repository';
import { OrderSettlementService } from './order-settlement.service';
import type { OrderTransitions } from './order-transitions.service';

const order = { orderId: '9', number: 'ORD-9', userId: '1', total: '10.00', currency: 'USD', lines: [] } as unknown as ReservedOrder;
const charge: ChargeResult = { status: 'succeeded', providerRef: 'mock_ch_1', error: null };

/** A retry after a lost connection: the first attempt's commit may or may not have happened. */
function setup(state: { status: OrderHead['status']; payment?: Pick<ChargeResult, 'status' | 'providerRef'> }) {
  const calls = { settlePaid: 0 };
  const orders = {
    findHead: async () => ({ id: '9', number: 'ORD-9', status: state.status }) as OrderHead,
    lastPayment: async () => state.payment,
    settlePaid: async () => {
      calls.settlePaid++;
      return { headStatus: 'pending', headNumber: 'ORD-9', consumedRows: 0, view: { id: 9, status: 'paid' } };
    },
  } as unknown as OrderRepository;
  const queries = {
    view: async (id: string) => ({ id: Number(id), status: 'paid' }) as unknown as OrderView,
  } as unknown as OrderQueriesService;
  const service = new OrderSettlementService({ manager: {} } as DataSource, orders, {} as OrderTransitions, queries);
  return { service, calls };
}

describe('OrderSettlementService retry (attempt > 1)', () => {
  it('returns the outcome the lost first attempt committed, without writing it again', async () => {
    const { service, calls } = setup({ status: 'paid', payment: { status: 'succeeded', providerRef: 'mock_ch_1' } });
    expect(await service.settle(order, 'mock', charge, 2)).toEqual({ outcome: 'paid', view: { id: 9, status: 'paid' } });
    expect(calls.settlePaid).toBe(0);
  });

  it('settles when the first attempt did not commit (still pending, no payment)', async () => {
    const { service, calls } = setup({ status: 'pending' });
    expect(await service.settle(order, 'mock', charge, 2)).toMatchObject({ outcome: 'paid' });
    expect(calls.settlePaid).toBe(1);
  });

  it("does not take another charge's payment for its own", async () => {
    const { service, calls } = setup({ status: 'paid', payment: { status: 'succeeded', providerRef: 'mock_ch_other' } });
    await service.settle(order, 'mock', charge, 2);
    expect(calls.settlePaid).toBe(1);
  });

  it('the first attempt never looks', async () => {
    const { service, calls } = setup({ status: 'paid', payment: { status: 'succeeded', providerRef: 'mock_ch_1' } });
    await service.settle(order, 'mock', charge, 1);
    expect(calls.settlePaid).toBe(1);
  });
});
