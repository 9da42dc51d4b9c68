import type { Place } from '../diagnostics.js';
import type { FigureInput } from '../validate/input.js';
import type { Quantity } from '../vietnamese/number.js';
import { printed, type Figure } from './figures.js';

/** A figure as last year's data recorded it. */
export interface Recorded {
  quantity: Quantity;
  unit: string;
  place: Place;
}

/** What last year's data says about this year's figures, by this year's figure keys. */
export interface EarlierYear {
  year: number;
  /** Last year's value of each figure: this year's cùng kỳ. */
  values: ReadonlyMap<string, Recorded>;
  /** Last year's targets (phương hướng, ke_hoach_cho): this year's plan. */
  targets: ReadonlyMap<string, Recorded>;
}

/** Reads last year's computed figures as this year's cùng kỳ and plan. Restatements add nothing. */
export function earlierYearOf(year: number, inputs: readonly FigureInput[], figures: ReadonlyMap<string, Figure>): EarlierYear {
  const recorded = (figure: Figure | undefined): Recorded | undefined => {
    const quantity = figure && printed(figure.value);
    return figure && quantity ? { quantity, unit: figure.unit, place: figure.value.stated?.place ?? figure.place } : undefined;
  };
  const values = new Map<string, Recorded>();
  const targets = new Map<string, Recorded>();
  for (const input of inputs) {
    if (input.restates) continue;
    const value = recorded(figures.get(input.key));
    if (!value) continue;
    values.set(input.key, value);
    if (input.planFor) targets.set(input.planFor.key, value);
  }
  return { year, values, targets };
}
