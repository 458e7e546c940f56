import type { Cents } from '../../money.js';

export interface CampaignModel {
  id: string;
  name: string;
  channel: string;
  currency: string;
  spendCents: Cents;
}
