import type { FigureInput } from '../validate/input.js';
import { printed, type EarlierYear, type Figure, type Recorded } from './figures.js';

/** Reads last year's computed figures as this year's cùng kỳ and plan. Restatements add nothing. */
export function earlierYearOf(year: number, inputs: readonly FigureInput[], figures: ReadonlyMap<string, Figure>): EarlierYear {
  const recorded = (figure: Figure | undefined): Recorded | undefined => {
    const quantity = figure && printed(figure.value);
    return figure && quantity ? { quantity, unit: figure.unit, tableUnit: figure.tableUnit, place: figure.value.stated?.place ?? figure.place, name: figure.name } : undefined;
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
