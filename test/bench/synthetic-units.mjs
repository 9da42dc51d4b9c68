// Synthetic units for the batch benchmark and test: copies of the shipped data/<year>/ under
// other commune names, with figures varied per unit. Varied figures no longer add up as the
// published ones did, so a unit may report a few more warnings; it builds all the same.
import fs from 'node:fs';
import path from 'node:path';

const PLACES = ['An Bình', 'Tân Lập', 'Hòa Phú', 'Yên Hưng', 'Phước Long', 'Đông Sơn', 'Quảng Ninh', 'Vĩnh Lộc', 'Thạch Bàn', 'Ngọc Lặc'];
const SHIPPED_PLACE = 'Thanh Hà';

/** The name of unit `index` (0-based): a place name and a number, so every unit differs. */
export function unitName(index) {
  return `${PLACES[index % PLACES.length]} ${index + 1}`;
}

/** Scales whole-number values of 1.000 and more by a factor tied to the unit. */
function varyFigures(text, index) {
  const factor = 1 + ((index % 13) - 6) / 100;
  return text.replace(/^(\s*gia_tri: )(\d{4,})$/gm, (_, key, digits) => `${key}${Math.round(Number(digits) * factor)}`);
}

/**
 * Writes `count` units into `into` (unit-0001, unit-0002, …), each laid out as a project:
 * data/<year>/*.yaml from `project`. Returns the units' folders.
 */
export function generateUnits(project, into, count, year = 2023) {
  const source = path.join(project, 'data', String(year));
  const files = fs.readdirSync(source).filter((f) => f.endsWith('.yaml'));
  const texts = files.map((f) => [f, fs.readFileSync(path.join(source, f), 'utf8')]);
  const units = [];
  for (let index = 0; index < count; index++) {
    const unit = path.join(into, `unit-${String(index + 1).padStart(4, '0')}`);
    const data = path.join(unit, 'data', String(year));
    fs.mkdirSync(data, { recursive: true });
    const name = unitName(index);
    for (const [file, text] of texts) {
      fs.writeFileSync(path.join(data, file), varyFigures(text.replaceAll(SHIPPED_PLACE, name).replaceAll(SHIPPED_PLACE.toUpperCase(), name.toUpperCase()), index));
    }
    units.push(unit);
  }
  return units;
}
