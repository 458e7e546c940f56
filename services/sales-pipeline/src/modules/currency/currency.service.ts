import { badInput, requireRole, withTenant, type AuthContext, type TenantScope } from '@rapport/service-kit';
import type { DataSource } from 'typeorm';
import { READERS } from '../../roles.js';
import type { Cents } from '../../money.js';

/** Reporting stays in this currency until a tenant sets its own. */
export const DEFAULT_BASE_CURRENCY = 'USD';

export interface CurrencySettingsModel {
  baseCurrency: string;
  rates: { currency: string; rateToBase: number; updatedAt: Date }[];
}

function currencyCode(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw badInput(field, `"${value}" is not an ISO-4217 currency code`);
  return code;
}

async function settingsOf(scope: TenantScope): Promise<CurrencySettingsModel> {
  const [settings]: { base_currency: string }[] = await scope.manager.query(`SELECT base_currency FROM currency_settings WHERE tenant_id = $1`, [scope.tenantId]);
  const rates: { currency: string; rate_to_base: string; updated_at: Date }[] = await scope.manager.query(
    `SELECT currency, rate_to_base, updated_at FROM exchange_rates WHERE tenant_id = $1 ORDER BY currency`,
    [scope.tenantId],
  );
  return {
    baseCurrency: settings?.base_currency ?? DEFAULT_BASE_CURRENCY,
    rates: rates.map((rate) => ({ currency: rate.currency, rateToBase: Number(rate.rate_to_base), updatedAt: rate.updated_at })),
  };
}

/**
 * An amount in the base currency: the same amount in the base currency, converted with the
 * tenant's rate otherwise (rounded to the cent), null without a rate: a guess is never reported.
 */
export function toBaseCurrency(settings: CurrencySettingsModel, cents: Cents, currency: string): Cents | null {
  if (currency === settings.baseCurrency) return cents;
  const rate = settings.rates.find((each) => each.currency === currency);
  return rate ? Math.round(cents * rate.rateToBase) : null;
}

export class CurrencyService {
  constructor(private readonly dataSource: DataSource) {}

  async settings(auth: AuthContext): Promise<CurrencySettingsModel> {
    requireRole(auth, READERS);
    return withTenant(this.dataSource, auth.tenantId, settingsOf);
  }

  async setBaseCurrency(auth: AuthContext, currency: string): Promise<CurrencySettingsModel> {
    requireRole(auth, []);
    const code = currencyCode(currency, 'currency');
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      const current = await settingsOf(scope);
      if (current.baseCurrency === code) return current;
      await scope.manager.query(
        `INSERT INTO currency_settings (tenant_id, base_currency, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (tenant_id) DO UPDATE SET base_currency = excluded.base_currency, updated_at = excluded.updated_at`,
        [scope.tenantId, code],
      );
      // Every rate was relative to the old base: kept, each would now be wrong.
      await scope.manager.query(`DELETE FROM exchange_rates WHERE tenant_id = $1`, [scope.tenantId]);
      return settingsOf(scope);
    });
  }

  async setExchangeRate(auth: AuthContext, input: { currency: string; rateToBase: number }): Promise<CurrencySettingsModel> {
    requireRole(auth, []);
    const code = currencyCode(input.currency, 'currency');
    if (!Number.isFinite(input.rateToBase) || input.rateToBase <= 0 || input.rateToBase > 1e12) {
      throw badInput('rateToBase', 'rateToBase must be a positive number');
    }
    return withTenant(this.dataSource, auth.tenantId, async (scope) => {
      if ((await settingsOf(scope)).baseCurrency === code) throw badInput('currency', `${code} is the base currency: its rate is 1`);
      await scope.manager.query(
        `INSERT INTO exchange_rates (tenant_id, currency, rate_to_base, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (tenant_id, currency) DO UPDATE SET rate_to_base = excluded.rate_to_base, updated_at = excluded.updated_at`,
        [scope.tenantId, code, String(input.rateToBase)],
      );
      return settingsOf(scope);
    });
  }
}
