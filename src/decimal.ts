import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one Decimal of the program, configured here and imported by every module that computes
 * (a test holds that no other module imports decimal.js). 50 significant digits is the
 * precision of quotients (compute/exact.ts computes sums and products with the digits their
 * exact result needs); the library's default 20 would round a 21-digit total. A clone, not the
 * library's global: nothing else can change its settings.
 */
export const Decimal = DecimalJs.clone({ precision: 50 });
export type Decimal = DecimalJs;
