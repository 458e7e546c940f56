import { EntitySchema } from 'typeorm';
import type { TicketPriority } from '../ticket/ticket.entity.js';

export interface SlaPolicyRow {
  id: string;
  tenantId: string;
  priority: TicketPriority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export const SlaPolicyEntity = new EntitySchema<SlaPolicyRow>({
  name: 'SlaPolicy',
  tableName: 'sla_policies',
  columns: {
    id: { type: 'uuid', primary: true },
    tenantId: { name: 'tenant_id', type: 'uuid' },
    priority: { type: 'text' },
    firstResponseMinutes: { name: 'first_response_minutes', type: 'int' },
    resolutionMinutes: { name: 'resolution_minutes', type: 'int' },
  },
});

export interface BusinessHoursRow {
  tenantId: string;
  weekdays: number[];
  startMinute: number;
  endMinute: number;
}

export const BusinessHoursEntity = new EntitySchema<BusinessHoursRow>({
  name: 'BusinessHours',
  tableName: 'business_hours',
  columns: {
    tenantId: { name: 'tenant_id', type: 'uuid', primary: true },
    weekdays: { type: 'int', array: true },
    startMinute: { name: 'start_minute', type: 'int' },
    endMinute: { name: 'end_minute', type: 'int' },
  },
});
