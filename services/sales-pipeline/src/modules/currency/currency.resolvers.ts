import type { Resolvers } from '../../generated/graphql.js';
import type { SalesContext } from '../../context.js';
import { money } from '../../money.js';
import { toBaseCurrency, type CurrencySettingsModel } from './currency.service.js';

// One read of the tenant's settings per request, however many deals ask for it.
const settingsByRequest = new WeakMap<object, Promise<CurrencySettingsModel>>();

function settingsFor(context: SalesContext): Promise<CurrencySettingsModel> {
  let settings = settingsByRequest.get(context);
  if (!settings) {
    settings = context.services.currency.settings(context.auth);
    settingsByRequest.set(context, settings);
  }
  return settings;
}

/** Thin: arguments in, service out. Rules live in CurrencyService. */
export const currencyResolvers: Resolvers = {
  Query: {
    currencySettings: (_parent, _args, context) => settingsFor(context),
  },
  Mutation: {
    setBaseCurrency: async (_parent, { input }, context) => ({
      currencySettings: await context.services.currency.setBaseCurrency(context.auth, input.currency),
    }),
    setExchangeRate: async (_parent, { input }, context) => ({
      currencySettings: await context.services.currency.setExchangeRate(context.auth, input),
    }),
  },
  Deal: {
    amountInBaseCurrency: async (deal, _args, context) => {
      const settings = await settingsFor(context);
      const cents = toBaseCurrency(settings, deal.amountCents, deal.currency);
      return cents === null ? null : money(cents, settings.baseCurrency);
    },
  },
};
