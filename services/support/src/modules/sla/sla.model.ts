import type { TicketPriority } from '../ticket/ticket.entity.js';
import { formatClockTime, type BusinessHours } from './business-time.js';
import type { SlaPolicyRow } from './sla.entity.js';

export interface SlaPolicyModel {
  id: string;
  priority: TicketPriority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface BusinessHoursModel {
  weekdays: number[];
  start: string;
  end: string;
}

export function toSlaPolicyModel(row: SlaPolicyRow): SlaPolicyModel {
  return { id: row.id, priority: row.priority, firstResponseMinutes: row.firstResponseMinutes, resolutionMinutes: row.resolutionMinutes };
}

export function toBusinessHoursModel(hours: BusinessHours): BusinessHoursModel {
  return { weekdays: [...hours.weekdays], start: formatClockTime(hours.startMinute), end: formatClockTime(hours.endMinute) };
}
